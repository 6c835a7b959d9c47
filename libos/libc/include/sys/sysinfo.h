/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/sysinfo.h: sysinfo(2) and the processor and page counts. */
#ifndef INGOT_SYS_SYSINFO_H
#define INGOT_SYS_SYSINFO_H

#ifdef __cplusplus
extern "C" {
#endif

/* Linux x86_64's layout; sizes are in units of mem_unit bytes (1). */
struct sysinfo {
    long uptime;
    unsigned long loads[3];
    unsigned long totalram;
    unsigned long freeram;
    unsigned long sharedram;
    unsigned long bufferram;
    unsigned long totalswap;
    unsigned long freeswap;
    unsigned short procs;
    unsigned short pad;
    unsigned long totalhigh;
    unsigned long freehigh;
    unsigned int mem_unit;
};

int sysinfo(struct sysinfo *info);
int get_nprocs(void);
int get_nprocs_conf(void);
long get_phys_pages(void);
long get_avphys_pages(void);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_SYSINFO_H */
