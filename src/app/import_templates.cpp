#include "app/import_templates.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/timestamp.hpp"
#include "io/import_template.hpp"

namespace xj {
namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The short level name the region reader accepts (ParseRegionLevel).
std::string LevelWord(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince: return "省";
    case RegionLevel::kPrefecture: return "地市";
    case RegionLevel::kCounty: return "县";
    case RegionLevel::kTownship: return "乡镇";
    case RegionLevel::kVillage: return "村";
  }
  return "县";
}

/// The placeholders of the example rows for `actor`.
std::map<std::string, std::string> ExampleValues(const App& app, const Actor& actor) {
  const std::string now = FormatBeijingTime(std::chrono::system_clock::now());  // "YYYY-MM-DD HH:MM:SS"
  std::map<std::string, std::string> v = {{"year", now.substr(0, 4)}, {"date", now.substr(0, 10)}};
  const auto tree = app.regions();
  RegionIndex chosen = kNoRegion;
  if (tree && tree->size() > 0) {
    RegionIndex begin = 0, end = static_cast<RegionIndex>(tree->size());
    if (!actor.region_code.empty()) {
      const RegionIndex home = tree->Find(actor.region_code);
      if (home != kNoRegion) {
        begin = home;
        end = tree->node(home).subtree_end;
        if (tree->node(home).region.level >= RegionLevel::kCounty) chosen = home;
      }
    }
    for (RegionIndex i = begin; chosen == kNoRegion && i < end; ++i) {
      if (tree->node(i).region.level == RegionLevel::kCounty) chosen = i;
    }
    if (chosen == kNoRegion) chosen = begin;
  }
  if (chosen != kNoRegion) {
    const Region& r = tree->node(chosen).region;
    v["region"] = r.code;
    v["region_name"] = r.name;
    v["region_level"] = LevelWord(r.level);
    v["parent"] = r.parent_code;
  } else {
    v["region"] = "540102";
    v["region_name"] = "城关区";
    v["region_level"] = "县";
    v["parent"] = "540100";
  }
  v["project"] = "示例-" + v["region"] + "-" + v["year"] + "-001";
  return v;
}

Result<std::string> XlsxBytes(const ImportTemplateSpec& spec, const std::vector<std::string>& example) {
  static std::atomic<int> counter{0};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("xianjie-template-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } remove{path};
  XJ_RETURN_IF_ERROR(
      WriteTemplateXlsx(spec, example, path.string(), GeneratedAtText(std::chrono::system_clock::now())));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("无法读取模板文件");
  return bytes.str();
}

}  // namespace

Result<TemplateFile> BuildImportTemplate(const App& app, const Actor& actor, std::string_view kind,
                                         std::string_view format) {
  const ImportTemplateSpec* spec = FindImportTemplate(kind);
  if (!spec) {
    return Status::NotFound(
               "没有这种导入类型的模板：" + std::string(kind) +
               "（应为 regions|projects|ledger|contracts|progress|benchmarks|assets|workers|wages|factors）")
        .WithReason("unknown_import_kind");
  }
  if (!format.empty() && format != "xlsx" && format != "csv") {
    return Status::InvalidArgument("参数 format 应为 xlsx 或 csv").WithReason("invalid_format");
  }
  const std::vector<std::string> example = TemplateExample(*spec, ExampleValues(app, actor));
  TemplateFile file;
  if (format == "csv") {
    file.file_name = std::string(spec->title) + ".csv";
    file.content_type = "text/csv; charset=utf-8";
    file.bytes = TemplateCsv(*spec, example);
    return file;
  }
  file.file_name = std::string(spec->title) + ".xlsx";
  file.content_type = kXlsxType;
  XJ_ASSIGN_OR_RETURN(file.bytes, XlsxBytes(*spec, example));
  return file;
}

}  // namespace xj
