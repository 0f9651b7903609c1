# Generates a C++ source whose function NAME returns the text of SRC (e.g. docs/openapi.yaml).
# Usage: cmake -DOUT=file.cpp -DSRC=text.file -DNAME=Function -P embed_text.cmake
file(READ "${SRC}" content)
string(FIND "${content}" ")xjtext\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${SRC} contains the raw-string delimiter )xjtext\"")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${SRC}: do not edit.\n#include <string_view>\nnamespace xj {\nstd::string_view ${NAME}() {\n  return R\"xjtext(${content})xjtext\";\n}\n}  // namespace xj\n")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)
