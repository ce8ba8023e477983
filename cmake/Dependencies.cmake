# Every dependency comes from a Debian 12 package (see scripts/setup.sh).

find_package(Java COMPONENTS Runtime REQUIRED)
find_file(ANTLR4_JAR NAMES antlr4.jar PATHS /usr/share/java REQUIRED)
set(ANTLR4_CLASSPATH "/usr/share/java/stringtemplate4.jar:${ANTLR4_JAR}:/usr/share/java/antlr4-runtime.jar:/usr/share/java/antlr3-runtime.jar:/usr/share/java/treelayout.jar")

find_path(ANTLR4_INCLUDE_DIR antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # Debian's ANTLR 4.9 headers default-construct a Vocabulary whose default
  # constructor is deleted; GCC lets it pass, clang (used for fuzzing) does not.
  # Build against a copy with that one constructor fixed.
  set(ANTLR4_COMPAT_DIR ${CMAKE_BINARY_DIR}/antlr4-compat)
  file(COPY ${ANTLR4_INCLUDE_DIR}/ DESTINATION ${ANTLR4_COMPAT_DIR})
  file(READ ${ANTLR4_COMPAT_DIR}/misc/InterpreterDataReader.h header)
  string(REPLACE "InterpreterData() {};" "InterpreterData() : vocabulary({}, {}) {};" header "${header}")
  file(WRITE ${ANTLR4_COMPAT_DIR}/misc/InterpreterDataReader.h "${header}")
  set(ANTLR4_INCLUDE_DIR ${ANTLR4_COMPAT_DIR})
endif()
find_library(ANTLR4_RUNTIME_LIB NAMES libantlr4-runtime.a antlr4-runtime REQUIRED)
add_library(antlr4_runtime INTERFACE)
target_include_directories(antlr4_runtime SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(antlr4_runtime INTERFACE ${ANTLR4_RUNTIME_LIB})

# LLVM ADT: headers plus libLLVMSupport.a (no full LLVM CMake package needed).
find_path(LLVM_ADT_INCLUDE_DIR llvm/ADT/SmallVector.h PATHS /usr/lib/llvm-14/include NO_DEFAULT_PATH REQUIRED)
find_library(LLVM_SUPPORT_LIB NAMES libLLVMSupport.a PATHS /usr/lib/llvm-14/lib NO_DEFAULT_PATH REQUIRED)
find_library(LLVM_DEMANGLE_LIB NAMES libLLVMDemangle.a PATHS /usr/lib/llvm-14/lib NO_DEFAULT_PATH)
find_package(Threads REQUIRED)
# libLLVMSupport.a's own system dependencies (`llvm-config-14 --system-libs`);
# llvm-14-dev depends on the packages that provide them.
find_library(TINFO_LIB NAMES tinfo REQUIRED)
find_library(ZLIB_LIB NAMES z REQUIRED)
add_library(llvm_support INTERFACE)
target_include_directories(llvm_support SYSTEM INTERFACE ${LLVM_ADT_INCLUDE_DIR})
target_link_libraries(llvm_support INTERFACE ${LLVM_SUPPORT_LIB} ${LLVM_DEMANGLE_LIB}
  ${TINFO_LIB} ${ZLIB_LIB} Threads::Threads ${CMAKE_DL_LIBS} rt)

find_package(fmt REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(yaml-cpp REQUIRED)
if(CAIRN_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
