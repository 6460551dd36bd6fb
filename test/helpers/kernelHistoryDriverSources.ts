// The subsystem source files of the kernel-like fixture history (test/helpers/kernelHistory.ts): ACPICA and
// its wrapper, networking, SCSI, USB, lib, a Latin-1 driver, the BPF dispatcher and CXL, trimmed from the
// real files they are named after. Files that change over the history are functions of what changes.

/** include/acpi/platform/aclinux.h: ACPICA's export wrapper, redefined GPL-only in the fixture. */
export const ACLINUX_H = (macro: string): string => `#ifndef __ACLINUX_H__
#define __ACLINUX_H__

#ifdef __KERNEL__
#include <linux/string.h>
#include <linux/kernel.h>

#define ACPI_EXPORT_SYMBOL(symbol)  ${macro}(symbol);
#endif /* __KERNEL__ */

#endif /* __ACLINUX_H__ */
`;

/** An ACPICA interface file (drivers/acpi/utilities/utxface.c, drivers/acpi/tables/tbxface.c). */
export const ACPICA_C = (module: string, symbol: string): string => `/******************************************************************************
 *
 * Module Name: ${module} - External interfaces
 *
 *****************************************************************************/

#include <acpi/acpi.h>

#define _COMPONENT          ACPI_UTILITIES
ACPI_MODULE_NAME("${module}")

acpi_status ${symbol}(u32 flags)
{
	return_ACPI_STATUS(AE_OK);
}

ACPI_EXPORT_SYMBOL(${symbol})
`;

/** net/core/datagram.c; the net tree tightens skb_copy_datagram_iovec. */
export const DATAGRAM_C = (iovecMacro: string): string => `/*
 *	SUCS NET3:
 *
 *	Generic datagram handling routines. These are generic for all
 *	protocols. Possibly a generic IP version on top of these would
 *	make sense. Not tonight however 8-).
 */
#include <linux/module.h>
#include <linux/skbuff.h>

struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned flags, int noblock, int *err)
{
	return NULL;
}

int skb_copy_datagram_iovec(const struct sk_buff *skb, int offset, struct iovec *to, int size)
{
	return -EFAULT;
}

${iovecMacro}(skb_copy_datagram_iovec);
EXPORT_SYMBOL(skb_recv_datagram);
`;

/** drivers/scsi/hosts.c; the SCSI merge adds scsi_host_lookup's export by hand (an evil merge). */
export const HOSTS_C = (withLookup: boolean): string => `/*
 *  hosts.c Copyright (C) 1992 Drew Eckhardt
 *          Copyright (C) 1993, 1994, 1995 Eric Youngdale
 */
#include <linux/module.h>
#include <scsi/scsi_host.h>

struct Scsi_Host *scsi_host_alloc(struct scsi_host_template *sht, int privsize)
{
	return NULL;
}
EXPORT_SYMBOL(scsi_host_alloc);
${withLookup ? `
struct Scsi_Host *scsi_host_lookup(unsigned short hostnum)
{
	return ERR_PTR(-ENXIO);
}
EXPORT_SYMBOL(scsi_host_lookup);
` : ''}`;

/** drivers/scsi/scsi.c; the SCSI tree adds scsi_add_device. */
export const SCSI_C = (withAddDevice: boolean): string => `/*
 *  scsi.c Copyright (C) 1992 Drew Eckhardt
 *         Copyright (C) 1993, 1994, 1995, 1999 Eric Youngdale
 */
#include <linux/module.h>
#include <scsi/scsi_device.h>

int scsi_device_get(struct scsi_device *sdev)
{
	return 0;
}
EXPORT_SYMBOL(scsi_device_get);
${withAddDevice ? `
struct scsi_device *scsi_add_device(struct Scsi_Host *shost, uint channel, uint id, uint lun)
{
	return ERR_PTR(-ENODEV);
}
EXPORT_SYMBOL(scsi_add_device);
` : ''}`;

/** lib/crc32.c, added on the 2.4 branch and merged into mainline twice. */
export const CRC32_C = (header: string): string => `/*
 * ${header}
 * Nicer crc32 functions/docs submitted by linux@horizon.com.  Thanks!
 */
#include <linux/crc32.h>
#include <linux/module.h>

u32 crc32_le(u32 crc, unsigned char const *p, size_t len)
{
	return crc;
}

u32 crc32_be(u32 crc, unsigned char const *p, size_t len)
{
	return crc;
}

EXPORT_SYMBOL(crc32_le);
EXPORT_SYMBOL(crc32_be);
`;

/** drivers/usb/core/buffer.c: DMA buffers for USB drivers, GPL-only from the start. */
export const USB_BUFFER_C = `/*
 * DMA memory management for framework level HCD code (hc_driver)
 *
 * This implementation plugs in through generic "usb_bus" level methods,
 * and should work with all USB controllers, regardles of bus type.
 */
#include <linux/usb.h>

void *usb_buffer_alloc(struct usb_device *dev, size_t size, int mem_flags, dma_addr_t *dma)
{
	return hcd_buffer_alloc(dev->bus, size, mem_flags, dma);
}
EXPORT_SYMBOL_GPL(usb_buffer_alloc);

void usb_buffer_free(struct usb_device *dev, size_t size, void *addr, dma_addr_t dma)
{
	hcd_buffer_free(dev->bus, size, addr, dma);
}
EXPORT_SYMBOL_GPL(usb_buffer_free);
`;

/** drivers/char/sx.c as 2003 trees had it: Latin-1 bytes in comments and a string literal. */
export const SX_C = Buffer.from(`/* sx.c -- driver for the Specialix SX series cards.
 *
 *   (C) 1998 - 2004  R.E.Wolff@BitWizard.nl
 *
 *   Modifications pour le module : Ren\u00e9 Herman, Fran\u00e7ois Romieu
 */
#include <linux/module.h>

static const char *sx_banner = "Specialix SX \u00abISA/PCI\u00bb (c) 1998 BitWizard";

int sx_probe(void)
{
	return 0;
}
/* Export\u00e9 pour les pilotes de ports */
EXPORT_SYMBOL(sx_probe);
`, 'latin1');

/** include/linux/bpf.h: DEFINE_BPF_DISPATCHER, a wrapper without EXPORT in its name. */
export const BPF_H = (jit: boolean): string => jit ? `#ifdef CONFIG_BPF_JIT
#define DEFINE_BPF_DISPATCHER(name)					\\
	noinline __bpfcall unsigned int bpf_dispatcher_##name##_func(	\\
		const void *ctx,					\\
		const struct bpf_insn *insnsi,				\\
		bpf_func_t bpf_func)					\\
	{								\\
		return __BPF_DISPATCHER_CALL(name);			\\
	}								\\
	EXPORT_SYMBOL(bpf_dispatcher_##name##_func);			\\
	struct bpf_dispatcher bpf_dispatcher_##name =			\\
		BPF_DISPATCHER_INIT(bpf_dispatcher_##name);
#else
#define DEFINE_BPF_DISPATCHER(name)
#endif
` : `/* the dispatcher is not wired up yet */
#define DEFINE_BPF_DISPATCHER(name)
`;

/** net/core/filter.c, trimmed to the dispatcher: no export text of its own. */
export const FILTER_C = `// SPDX-License-Identifier: GPL-2.0-or-later
#include <linux/bpf.h>

DEFINE_BPF_DISPATCHER(xdp)

void bpf_prog_change_xdp(struct bpf_prog *prev_prog, struct bpf_prog *prog)
{
	bpf_dispatcher_change_prog(BPF_DISPATCHER_PTR(xdp), prev_prog, prog);
}
`;

/** drivers/cxl/core/port.c; cxl_bus_type later moves into the CXL namespace explicitly. */
export const CXL_PORT_C = (busTypeExport: string): string => `// SPDX-License-Identifier: GPL-2.0-only
/* Copyright(c) 2020 Intel Corporation. All rights reserved. */
#include <linux/device.h>
#include <linux/module.h>

struct bus_type cxl_bus_type = {
	.name = "cxl",
};
${busTypeExport};

struct cxl_port *devm_cxl_add_port(struct device *host, struct device *uport)
{
	return NULL;
}
EXPORT_SYMBOL_GPL(devm_cxl_add_port);
`;

/** drivers/cxl/core/Makefile, before and after it sets the directory's default namespace. */
export const CXL_MAKEFILE = (namespaced: boolean): string => `obj-$(CONFIG_CXL_BUS) += cxl_core.o

ccflags-y += -I$(srctree)/drivers/cxl
${namespaced ? 'ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=CXL\n' : ''}cxl_core-y := port.o
`;
