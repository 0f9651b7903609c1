#include "app/app.hpp"

namespace xj {

App::App(std::unique_ptr<Store> store, AppOptions options)
    : store_(std::move(store)),
      options_(std::move(options)),
      throttle_(options_.accounts.throttle),
      regions_(std::make_shared<RegionTree>()) {}
App::~App() = default;

Status App::Start() {
  XJ_RETURN_IF_ERROR(crypto::Init());
  XJ_ASSIGN_OR_RETURN(int version, store_->Migrate());
  (void)version;
  return ReloadRegions();
}

std::shared_ptr<const RegionTree> App::regions() const {
  std::shared_lock lock(state_mu_);
  return regions_;
}

Status App::ReloadRegions() {
  XJ_ASSIGN_OR_RETURN(std::vector<Region> all, store_->LoadRegions());
  XJ_ASSIGN_OR_RETURN(RegionTree tree, RegionTree::Build(std::move(all)));
  auto fresh = std::make_shared<const RegionTree>(std::move(tree));
  std::unique_lock lock(state_mu_);
  regions_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace xj
