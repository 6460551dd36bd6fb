// Trimmed copies of real kernel sources that several test files read: the headers that define the
// export macros and the wrappers around them, and the files whose exports are known puzzles.
import { learnTreeContext } from '../../src/exports/learnTreeContext.js';
import type { ExportContext } from '../../src/exports/ExportContext.js';
import { scanSource } from '../../src/exports/scanSource.js';

/** include/linux/export.h as of 6.12: the definitions themselves, which export nothing. */
export const EXPORT_H_6_12 = `/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>
#include <linux/linkage.h>
#include <linux/stringify.h>

#define ___EXPORT_SYMBOL(sym, license, ns)		\\
	.section ".export_symbol","a"		ASM_NL	\\
	__export_symbol_##sym:			ASM_NL	\\
		.asciz license			ASM_NL	\\
		.asciz ns			ASM_NL	\\
		__EXPORT_SYMBOL_REF(sym)	ASM_NL	\\
	.previous

#if defined(__DISABLE_EXPORTS)
#define __EXPORT_SYMBOL(sym, license, ns)
#elif defined(__GENKSYMS__)
#define __EXPORT_SYMBOL(sym, license, ns)	__GENKSYMS_EXPORT_SYMBOL(sym)
#elif defined(__ASSEMBLY__)
#define __EXPORT_SYMBOL(sym, license, ns) \\
	___EXPORT_SYMBOL(sym, license, ns)
#else
#define __EXPORT_SYMBOL(sym, license, ns)			\\
	extern typeof(sym) sym;					\\
	__ADDRESSABLE(sym)					\\
	asm(__stringify(___EXPORT_SYMBOL(sym, license, ns)))
#endif

#ifdef DEFAULT_SYMBOL_NAMESPACE
#define _EXPORT_SYMBOL(sym, license)	__EXPORT_SYMBOL(sym, license, __stringify(DEFAULT_SYMBOL_NAMESPACE))
#else
#define _EXPORT_SYMBOL(sym, license)	__EXPORT_SYMBOL(sym, license, "")
#endif

#define EXPORT_SYMBOL(sym)		_EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym)		_EXPORT_SYMBOL(sym, "GPL")
#define EXPORT_SYMBOL_NS(sym, ns)	__EXPORT_SYMBOL(sym, "", __stringify(ns))
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__EXPORT_SYMBOL(sym, "GPL", __stringify(ns))

#endif /* _LINUX_EXPORT_H */
`;

/** include/acpi/platform/aclinux.h: ACPICA's wrapper, used bare (its body has the semicolon). */
export const ACLINUX_H = `#ifdef __KERNEL__
#include <linux/string.h>
#include <linux/kernel.h>

#define ACPI_EXPORT_SYMBOL(symbol)  EXPORT_SYMBOL(symbol);
#define ACPI_EXPORT_SYMBOL_INIT(symbol)
#endif /* __KERNEL__ */
`;

/** include/acpi/actypes.h: the empty fallback for ACPICA's user-space tools. */
export const ACTYPES_H = `#ifndef ACPI_EXPORT_SYMBOL
#define ACPI_EXPORT_SYMBOL(symbol)
#endif
`;

/** include/linux/pm.h (6.12): dev_pm_ops exported through the export primitive itself. */
export const PM_H = `#ifdef CONFIG_PM
#define _EXPORT_DEV_PM_OPS(name, license, ns)				\\
	const struct dev_pm_ops name;					\\
	__EXPORT_SYMBOL(name, license, ns);				\\
	const struct dev_pm_ops name
#else
#define _EXPORT_DEV_PM_OPS(name, license, ns)				\\
	static __maybe_unused const struct dev_pm_ops __static_##name
#endif

#define EXPORT_DEV_PM_OPS(name) _EXPORT_DEV_PM_OPS(name, "", "")
#define EXPORT_GPL_DEV_PM_OPS(name) _EXPORT_DEV_PM_OPS(name, "GPL", "")
#define EXPORT_NS_DEV_PM_OPS(name, ns) _EXPORT_DEV_PM_OPS(name, "", #ns)
#define EXPORT_NS_GPL_DEV_PM_OPS(name, ns) _EXPORT_DEV_PM_OPS(name, "GPL", #ns)
`;

/** kernel/cgroup/cgroup.c: the SUBSYS() X-macro, expanded over the list in linux/cgroup_subsys.h. */
export const CGROUP_C = `/* generate an array of cgroup subsystem pointers */
#define SUBSYS(_x) [_x ## _cgrp_id] = &_x ## _cgrp_subsys,
struct cgroup_subsys *cgroup_subsys[] = {
#include <linux/cgroup_subsys.h>
};
#undef SUBSYS

#define SUBSYS(_x)								\\
	DEFINE_STATIC_KEY_TRUE(_x ## _cgrp_subsys_enabled_key);			\\
	DEFINE_STATIC_KEY_TRUE(_x ## _cgrp_subsys_on_dfl_key);			\\
	EXPORT_SYMBOL_GPL(_x ## _cgrp_subsys_enabled_key);			\\
	EXPORT_SYMBOL_GPL(_x ## _cgrp_subsys_on_dfl_key);
#include <linux/cgroup_subsys.h>
#undef SUBSYS
`;

/** lib/lzo/lzo1x_compress.c: the export goes through LZO_SAFE(), which the _safe variant redefines. */
export const LZO1X_COMPRESS_C = `#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/lzo.h>
#include "lzodefs.h"

#ifndef LZO_SAFE
#define LZO_SAFE(name) name
#define HAVE_OP(x) 1
#endif

int LZO_SAFE(lzo1x_1_compress)(const unsigned char *in, size_t in_len,
		     unsigned char *out, size_t *out_len,
		     void *wrkmem)
{
	return lzogeneric1x_1_compress(in, in_len, out, out_len, wrkmem, 0);
}
EXPORT_SYMBOL_GPL(LZO_SAFE(lzo1x_1_compress));
`;

/** lib/lzo/lzo1x_compress_safe.c: compiles lzo1x_compress.c again with a pasted suffix. */
export const LZO1X_COMPRESS_SAFE_C = `// SPDX-License-Identifier: GPL-2.0-only
#define LZO_SAFE(name) name##_safe
#define HAVE_OP(x) ((size_t)(op_end - op) >= (size_t)(x))

#include "lzo1x_compress.c"
`;

/** The context a file gets when `headers` are the whole tree's headers. */
export function contextFrom(headers: Record<string, string>, makefileNamespace: string | null = null): ExportContext {
  const files = Object.entries(headers).map(([path, text]) => ({ path, definitions: scanSource(text).definitions }));
  return { ...learnTreeContext(files), makefileNamespace };
}
