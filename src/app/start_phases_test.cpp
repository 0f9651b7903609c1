// App::start_phases(): the steps of the last start, named and in order, each timed.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace xj {
namespace app_start_phases_test {

TEST(StartPhasesTest, NamesEveryStepOfStartInOrderWithNonNegativeTimes) {
  const auto dir = std::filesystem::temp_directory_path() / ("xianjie-phases-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto store = OpenStore("sqlite:" + (dir / "test.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    App app(std::move(*store));
    EXPECT_TRUE(app.start_phases().empty());  // nothing before Start()
    ASSERT_TRUE(app.Start().ok());
    std::vector<std::string> names;
    for (const auto& [name, seconds] : app.start_phases()) {
      names.push_back(name);
      EXPECT_GE(seconds, 0.0) << name;
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"migrate", "regions", "reference", "reversals", "projects+ledger", "finish"}));
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace app_start_phases_test
}  // namespace xj
