// The core source files of the kernel-like fixture history (test/helpers/kernelHistory.ts): scheduler,
// time, console, ftape, VFS and driver-core files, trimmed from the real files they are named after.
// Files that change over the history are functions of what changes.

/** kernel/sched.c, 2.5 era; `set_cpus_allowed` is tightened and later loosened again. */
export const SCHED_C = (setCpusAllowedMacro: string): string => `/*
 *  kernel/sched.c
 *
 *  Kernel scheduler and related syscalls
 *
 *  Copyright (C) 1991-2002  Linus Torvalds
 */
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>

asmlinkage void schedule(void)
{
	/* pick the next task from the runqueue */
}

EXPORT_SYMBOL(schedule);

int wake_up_process(task_t *p)
{
	return try_to_wake_up(p, TASK_STOPPED | TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE, 0);
}

EXPORT_SYMBOL(wake_up_process);

void set_cpus_allowed(task_t *p, unsigned long new_mask)
{
	p->cpus_allowed = new_mask;
}

${setCpusAllowedMacro}(set_cpus_allowed);
`;

/** kernel/time.c before and after do_settimeofday moved to the architectures. */
export const KERNEL_TIME_C = (withSettimeofday: boolean): string => `/*
 *  linux/kernel/time.c
 *
 *  This file contains the interface functions for the various
 *  time related system calls: time, stime, gettimeofday, settimeofday,
 *			       adjtime
 */
#include <linux/module.h>
#include <linux/timex.h>

struct timezone sys_tz;

EXPORT_SYMBOL(sys_tz);
${withSettimeofday ? `
void do_settimeofday(struct timeval *tv)
{
	write_seqlock_irq(&xtime_lock);
	xtime.tv_sec = tv->tv_sec;
	write_sequnlock_irq(&xtime_lock);
}

EXPORT_SYMBOL(do_settimeofday);
` : ''}`;

/** arch/i386/kernel/time.c: profile_pc is GPL-only here from the start. */
export const I386_TIME_C = (withSettimeofday: boolean): string => `/*
 *  linux/arch/i386/kernel/time.c
 *
 *  Copyright (C) 1991, 1992, 1995  Linus Torvalds
 */
#include <linux/module.h>
#include <linux/time.h>

unsigned long profile_pc(struct pt_regs *regs)
{
	return instruction_pointer(regs);
}
EXPORT_SYMBOL_GPL(profile_pc);
${withSettimeofday ? `
void do_settimeofday(struct timeval *tv)
{
	write_seqlock_irq(&xtime_lock);
	xtime.tv_sec = tv->tv_sec - wall_jiffies;
	write_sequnlock_irq(&xtime_lock);
}
EXPORT_SYMBOL(do_settimeofday);
` : ''}`;

/** arch/x86_64/kernel/time.c: the same symbol exported for any module, until it is tightened too. */
export const X86_64_TIME_C = (macro: string): string => `/*
 *  linux/arch/x86-64/kernel/time.c
 *
 *  "High Precision Event Timer" based timekeeping.
 */
#include <linux/module.h>

unsigned long profile_pc(struct pt_regs *regs)
{
	unsigned long pc = instruction_pointer(regs);

	return pc;
}
${macro}(profile_pc);
`;

/** drivers/char/console.c, renamed to drivers/char/vt.c without a change (git mv). */
export const CONSOLE_C = `/*
 *  linux/drivers/char/console.c
 *
 *  Copyright (C) 1991, 1992  Linus Torvalds
 */
#include <linux/module.h>
#include <linux/tty.h>

int vc_resize(int currcons, unsigned int cols, unsigned int lines)
{
	return 0;
}

void take_over_console(const struct consw *csw, int first, int last, int deflt)
{
}

EXPORT_SYMBOL(vc_resize);
EXPORT_SYMBOL(take_over_console);
`;

/** drivers/char/ftape/lowlevel/ftape_syms.c: the whole file goes when ftape is removed. */
export const FTAPE_SYMS_C = `/*
 *      Copyright (C) 1996-1997 Claus-Justus Heine
 *
 *      This file contains the symbols that the ftape low level
 *      part of the QIC-40/80/3010/3020 floppy-tape driver "ftape"
 *      exports to its high level clients
 */
#include <linux/module.h>
#include <linux/ftape.h>

EXPORT_SYMBOL(ftape_enable);
EXPORT_SYMBOL(ftape_disable);
`;

/** fs/namei.c; the cleanup edits bodies and comments and shifts every export down. */
export const NAMEI_C = (cleaned: boolean): string => `/*
 *  linux/fs/namei.c
 *
 *  Copyright (C) 1991, 1992  Linus Torvalds
 */
${cleaned ? `
/*
 * Some corrections by tytso.
 *
 * [Feb 1997 T. Schoebel-Theuer] Complete rewrite of the pathname
 * lookup logic.
 */
` : ''}#include <linux/module.h>
#include <linux/namei.h>

int path_lookup(const char *name, unsigned int flags, struct nameidata *nd)
{
	${cleaned ? 'nd->flags = flags;\n\treturn link_path_walk(name, nd);' : 'return link_path_walk(name, nd);'}
}

struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	return lookup_hash(&this, base);
}

EXPORT_SYMBOL(path_lookup);
EXPORT_SYMBOL(lookup_one_len);
`;

/**
 * drivers/base/class_simple.c; its second export is wrapped onto a continuation line, and the
 * hotplug → uevent rename (2.6.16 did it tree-wide) changes only lines without EXPORT in them.
 */
export const CLASS_SIMPLE_C = (callback: 'hotplug' | 'uevent'): string => `/*
 * class_simple.c - a "simple" interface for classes for simple char devices.
 *
 * Copyright (c) 2003-2004 Greg Kroah-Hartman <greg@kroah.com>
 */
#include <linux/device.h>
#include <linux/err.h>

struct class_simple *class_simple_create(struct module *owner, char *name)
{
	return ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL_GPL(class_simple_create);

int class_simple_set_${callback}(struct class_simple *cs,
	int (*${callback})(struct class_device *dev, char **envp, int num_envp, char *buffer, int buffer_size))
{
	cs->class.${callback} = ${callback};
	return 0;
}
EXPORT_SYMBOL_GPL(
	class_simple_set_${callback});
`;
