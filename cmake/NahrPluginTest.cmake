# nahr_add_plugin_test(<plugin> SOURCES <files...> [LIBRARIES <libs...>])
#
# A Catch2 test of an in-tree plugin. The test links the plugin's object
# files directly and drives its stages through nahr/testing.hpp, so it needs
# neither the host nor dlopen.
function(nahr_add_plugin_test plugin)
  if(NOT NAHR_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(test_target "${plugin}-test")
  add_executable(${test_target} ${ARG_SOURCES})
  target_link_libraries(${test_target} PRIVATE ${plugin}-objects Catch2::Catch2WithMain
                        nahr_warnings ${ARG_LIBRARIES})
  target_compile_definitions(${test_target} PRIVATE
    NAHR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    NAHR_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  set_target_properties(${test_target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  # -w NoTests: a test name CTest mangles must fail, not pass having run nothing.
  catch_discover_tests(${test_target} TEST_PREFIX "${plugin}/" EXTRA_ARGS -w NoTests)
endfunction()
