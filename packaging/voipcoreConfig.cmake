# CMake package config for libvoipcore: find_package(voipcore) gives the target voipcore::voipcore.
get_filename_component(_voipcore_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET voipcore::voipcore)
  add_library(voipcore::voipcore SHARED IMPORTED)
  set_target_properties(voipcore::voipcore PROPERTIES
    IMPORTED_LOCATION "${_voipcore_prefix}/lib/libvoipcore.so.0"
    IMPORTED_SONAME "libvoipcore.so.0"
    INTERFACE_INCLUDE_DIRECTORIES "${_voipcore_prefix}/include")
endif()
set(voipcore_INCLUDE_DIRS "${_voipcore_prefix}/include")
set(voipcore_LIBRARIES voipcore::voipcore)
unset(_voipcore_prefix)
