# SPDX-License-Identifier: Apache-2.0
# image.cmake: build an application image with ingot-cc, as a user would.
#
#   ingot_add_image(NAME name SOURCES a.c b.c [CFLAGS ...] [PLATFORM kvm]
#                   [OUTPUT path] [ROOTFS dir])
#
# ROOTFS (relative to the current source directory) is embedded with
# `ingot-cc --rootfs`; its files are dependencies of the image.
#
# Produces ${CMAKE_CURRENT_BINARY_DIR}/<name> (or OUTPUT, an absolute path,
# when the same program is built for several platforms) and a target
# <name>-image that is part of `all`.  The image depends on the driver, the
# library OS archives, the platform, newlib's libc.a (which the library OS
# changes after newlib's install) and every header its sources include, so
# changing any of them rebuilds it.
function(ingot_add_image)
  cmake_parse_arguments(IMG "" "NAME;PLATFORM;OUTPUT;ROOTFS"
    "SOURCES;CFLAGS" ${ARGN})
  if(NOT IMG_PLATFORM)
    set(IMG_PLATFORM kvm)
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${IMG_NAME})
  if(IMG_OUTPUT)
    set(out ${IMG_OUTPUT})
    get_filename_component(outdir ${out} DIRECTORY)
    file(MAKE_DIRECTORY ${outdir})
  endif()
  set(srcs)
  foreach(s ${IMG_SOURCES})
    list(APPEND srcs ${CMAKE_CURRENT_SOURCE_DIR}/${s})
  endforeach()
  set(rootfs)
  set(rootfs_files)
  if(IMG_ROOTFS)
    get_filename_component(dir ${IMG_ROOTFS} ABSOLUTE
                           BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    set(rootfs --rootfs ${dir})
    file(GLOB_RECURSE rootfs_files LIST_DIRECTORIES false ${dir}/*)
  endif()
  get_property(guest_libs GLOBAL PROPERTY INGOT_GUEST_LIBRARIES)
  # The headers each source includes (the library OS's, the test's own)
  # come from ingot-cc's -MD file, all sources' rules in one file.
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_BINARY_DIR}/bin/ingot-cc --platform=${IMG_PLATFORM}
            ${IMG_CFLAGS} ${rootfs} -MD -MF ${out}.d -o ${out} ${srcs}
    DEPENDS ${srcs} ${rootfs_files} ingot-cc ${guest_libs} newlib
            ${INGOT_NEWLIB_LIB}/libc.a
    DEPFILE ${out}.d
    COMMENT "ingot-cc ${IMG_NAME} (${IMG_PLATFORM})"
    VERBATIM)
  add_custom_target(${IMG_NAME}-image ALL DEPENDS ${out})
endfunction()
