# Read by cpack for each package it makes (CPACK_PROJECT_CONFIG_FILE). The /usr prefix is for
# the binary package; the source tarball (package_source) keeps the source tree at its top.
if(CPACK_SOURCE_INSTALLED_DIRECTORIES)
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
endif()
