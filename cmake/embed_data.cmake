# Generates a C++ source returning data/xizang-regions.csv as a string.
file(READ "${SRC}" content)
file(WRITE "${OUT}.tmp" "// Generated from ${SRC}: do not edit.\n#include <string_view>\nnamespace xj {\nstd::string_view EmbeddedXizangRegionsCsv() {\n  return R\"xjcsv(${content})xjcsv\";\n}\n}  // namespace xj\n")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)
