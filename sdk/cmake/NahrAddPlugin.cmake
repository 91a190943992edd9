# nahr_add_plugin(<name> SOURCES <files...> [LIBRARIES <targets...>]
#                 [OUTPUT_DIRECTORY <dir>] [INSTALL_DESTINATION <dir>])
#
# Builds the plugin <name> as <name>.so, the file name the host looks for
# when a config says `plugin = "<name>"`. The sources also form the object
# library <name>-objects, so a unit test can link the plugin's code directly.
#
# Used both in the nahr tree and, through find_package(nahr-sdk), out of it.
# The .so goes to OUTPUT_DIRECTORY, else NAHR_PLUGIN_OUTPUT_DIR (set in the
# nahr tree), else the current binary directory. `cmake --install` puts it in
# INSTALL_DESTINATION, else NAHR_PLUGIN_INSTALL_DIR (set by the nahr tree and
# by the nahr-sdk package: lib/nahr/plugins under the install prefix).
function(nahr_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY;INSTALL_DESTINATION" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "nahr_add_plugin(${name}): SOURCES is required")
  endif()

  add_library(${name}-objects OBJECT ${ARG_SOURCES})
  target_link_libraries(${name}-objects PUBLIC nahr::sdk ${ARG_LIBRARIES})
  target_compile_features(${name}-objects PUBLIC cxx_std_20)
  set_target_properties(${name}-objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(TARGET nahr_warnings)
    target_link_libraries(${name}-objects PRIVATE nahr_warnings)
  endif()

  add_library(${name} MODULE)
  target_link_libraries(${name} PRIVATE ${name}-objects)
  set_target_properties(${name} PROPERTIES PREFIX "" OUTPUT_NAME "${name}")
  # Refuse undefined symbols at link time rather than at dlopen time.
  target_link_options(${name} PRIVATE "LINKER:--no-undefined")

  if(NOT ARG_OUTPUT_DIRECTORY AND DEFINED NAHR_PLUGIN_OUTPUT_DIR)
    set(ARG_OUTPUT_DIRECTORY "${NAHR_PLUGIN_OUTPUT_DIR}")
  endif()
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()

  if(NOT ARG_INSTALL_DESTINATION AND DEFINED NAHR_PLUGIN_INSTALL_DIR)
    set(ARG_INSTALL_DESTINATION "${NAHR_PLUGIN_INSTALL_DIR}")
  endif()
  if(ARG_INSTALL_DESTINATION)
    install(TARGETS ${name} LIBRARY DESTINATION "${ARG_INSTALL_DESTINATION}" COMPONENT plugins)
  endif()
endfunction()
