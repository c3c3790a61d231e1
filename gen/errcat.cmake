# errcat.cmake: compile an errcat catalog at build time, from CMake >= 3.20.
#
#   include(/path/to/errcat/gen/errcat.cmake)   # or: find_package(errcat)
#   errcat_generate(TARGET swap_errors CATALOG spec/swap.yaml)
#   target_link_libraries(app PRIVATE swap_errors)
#
#   errcat_generate(TARGET <name> CATALOG <file>
#                   [TARGETS <target>...]   errcat targets to build (default: c)
#                   [OUTPUT_DIR <dir>]      output root (default:
#                                           ${CMAKE_CURRENT_BINARY_DIR}/errcat)
#                   [TEMPLATES <dir>]       errcat --templates <dir>
#                   [OPTIONS <arg>...]      more errcat build options (--werror)
#                   [LIBRARY_TYPE STATIC|SHARED|OBJECT]   (default: STATIC)
#                   [OUTPUTS_VAR <var>])    set <var> to the generated files
#
# errcat runs when the build needs it: its --depfile names every input of
# the outputs (the catalog, the files it includes, the templates), so
# editing any of them regenerates. errcat rewrites only the files whose
# bytes changed, and the generated files are byproducts of a stamp: with
# Ninja and Makefile generators, what includes an unchanged header is not
# recompiled. Other generators (Visual Studio, Xcode) have no depfiles: there
# the outputs depend on the catalog and the template folders only.
#
# With the c target, <name> is a library of <id>_errors.c whose users
# include "<id>_errors.h" (the folder is a PUBLIC include directory);
# without it, <name> is a custom target (in ALL) that builds the outputs.
#
# The list of generated files is computed at configure time by
# `errcat build --check` (which writes nothing); the catalog is a configure
# dependency, so a change of catalog id or of the template files
# reconfigures.
#
# The errcat program: ERRCAT_EXECUTABLE (a cache variable) if set, else
# found next to this file (the installed bin/ or the source tree's
# build/), else on PATH; it is also the imported target errcat::errcat.

# Run as a script by the build (cmake -D in=… -D out=… -D stamp=… -P):
# copies errcat's depfile 'in' to 'out' with the stamp as its target.
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED stamp)
  file(READ "${in}" text)
  # errcat writes "out1 \<newline>out2: \<newline>  in1 ...": the targets
  # end at the first ": \<newline>" (there is always an input: the catalog).
  string(FIND "${text}" ": \\\n" colon)
  if(colon LESS 0)
    message(FATAL_ERROR "errcat.cmake: unexpected depfile ${in}")
  endif()
  string(SUBSTRING "${text}" ${colon} -1 tail)
  string(REPLACE "\\" "\\\\" stamp "${stamp}")
  string(REPLACE " " "\\ " stamp "${stamp}")
  string(REPLACE "#" "\\#" stamp "${stamp}")
  string(REPLACE "$" "$$" stamp "${stamp}")
  file(WRITE "${out}" "${stamp}${tail}")
  return()
endif()

cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.31)

if(NOT ERRCAT_EXECUTABLE)
  find_program(ERRCAT_EXECUTABLE errcat
    HINTS "${CMAKE_CURRENT_LIST_DIR}/../../../bin" "${CMAKE_CURRENT_LIST_DIR}/../build"
    DOC "The errcat error-catalog compiler")
endif()
if(ERRCAT_EXECUTABLE AND NOT TARGET errcat::errcat)
  add_executable(errcat::errcat IMPORTED)
  set_target_properties(errcat::errcat PROPERTIES IMPORTED_LOCATION "${ERRCAT_EXECUTABLE}")
endif()
if(NOT ERRCAT_EXECUTABLE)
  # For find_package(errcat): the package is unusable without the program.
  set(errcat_FOUND FALSE)
  set(errcat_NOT_FOUND_MESSAGE "the errcat program was not found: set ERRCAT_EXECUTABLE")
endif()

function(errcat_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg ""
    "TARGET;CATALOG;OUTPUT_DIR;TEMPLATES;LIBRARY_TYPE;OUTPUTS_VAR" "TARGETS;OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "errcat_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT arg_CATALOG)
    message(FATAL_ERROR "errcat_generate: TARGET and CATALOG are required")
  endif()
  if(NOT ERRCAT_EXECUTABLE)
    message(FATAL_ERROR "errcat_generate: errcat not found: set ERRCAT_EXECUTABLE")
  endif()
  if(NOT arg_TARGETS)
    set(arg_TARGETS c)
  endif()
  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/errcat")
  endif()
  if(NOT arg_LIBRARY_TYPE)
    set(arg_LIBRARY_TYPE STATIC)
  endif()
  cmake_path(ABSOLUTE_PATH arg_CATALOG BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE)
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE)
  list(JOIN arg_TARGETS "," targets)
  set(options -t "${targets}" ${arg_OPTIONS})
  set(template_files)
  if(arg_TEMPLATES)
    cmake_path(ABSOLUTE_PATH arg_TEMPLATES BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE)
    list(APPEND options --templates "${arg_TEMPLATES}")
    foreach(t IN LISTS arg_TARGETS)
      # A template added or removed changes the outputs: reconfigure.
      file(GLOB files CONFIGURE_DEPENDS "${arg_TEMPLATES}/${t}/*.mustache")
      list(APPEND template_files ${files})
    endforeach()
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${arg_CATALOG}")

  # The outputs: what --check calls stale in a folder that does not exist.
  set(probe "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.errcat-probe")
  file(REMOVE_RECURSE "${probe}")
  execute_process(
    COMMAND "${ERRCAT_EXECUTABLE}" build "${arg_CATALOG}" -o "${probe}" ${options} --check
    OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
  string(REGEX MATCHALL "stale: [^\n]+" lines "${listing}")
  if(NOT lines)
    message(FATAL_ERROR "errcat_generate(${arg_TARGET}): errcat found errors in "
      "${arg_CATALOG} (exit status ${status}):\n${errors}")
  endif()
  set(outputs)
  set(sources)
  set(include_dirs)
  string(LENGTH "stale: ${probe}/" skip)
  foreach(line IN LISTS lines)
    string(SUBSTRING "${line}" ${skip} -1 rel)
    set(file "${arg_OUTPUT_DIR}/${rel}")
    list(APPEND outputs "${file}")
    if(file MATCHES "\\.c$")
      list(APPEND sources "${file}")
    elseif(file MATCHES "\\.h$")
      cmake_path(GET file PARENT_PATH dir)
      list(APPEND include_dirs "${dir}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES include_dirs)

  # errcat touches only the files that changed: the command's output is a
  # stamp and the generated files are byproducts, so that (with Ninja's
  # restat) an unchanged file does not look new.
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.errcat-stamp")
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.errcat.d")
  # A new errcat may write other bytes: it is an input too.
  set(depends "${arg_CATALOG}" ${template_files} "${ERRCAT_EXECUTABLE}")
  set(depfile_args)
  if(CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
    set(depfile_args DEPFILE "${depfile}")
  endif()
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${outputs}
    COMMAND "${ERRCAT_EXECUTABLE}" build "${arg_CATALOG}" -o "${arg_OUTPUT_DIR}" ${options}
            --depfile "${depfile}.tmp"
    # The depfile names the stamp, the command's one output.
    COMMAND "${CMAKE_COMMAND}" -D "in=${depfile}.tmp" -D "out=${depfile}"
            -D "stamp=${stamp}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${depends}
    ${depfile_args}
    COMMENT "errcat: ${arg_CATALOG} -> ${targets}"
    VERBATIM)

  if(sources)
    add_library(${arg_TARGET} ${arg_LIBRARY_TYPE} ${sources} "${stamp}")
    target_include_directories(${arg_TARGET} PUBLIC ${include_dirs})
  else()
    add_custom_target(${arg_TARGET} ALL DEPENDS "${stamp}")
  endif()
  # The generated files, for install() or other rules.
  set_property(TARGET ${arg_TARGET} PROPERTY ERRCAT_OUTPUTS ${outputs})
  if(arg_OUTPUTS_VAR)
    set(${arg_OUTPUTS_VAR} ${outputs} PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)
