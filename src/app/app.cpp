#include "app/app.hpp"

#include "app/import_jobs.hpp"

namespace xj {

App::App(std::unique_ptr<Store> store, AppOptions options)
    : store_(std::move(store)),
      options_(std::move(options)),
      throttle_(options_.accounts.throttle),
      regions_(std::make_shared<RegionTree>()) {}
App::~App() {
  jobs_.reset();
}

ImportJobs& App::import_jobs() {
  std::call_once(jobs_once_, [this] { jobs_ = std::make_unique<ImportJobs>(*this); });
  return *jobs_;
}

Status App::Start() {
  XJ_RETURN_IF_ERROR(crypto::Init());
  XJ_ASSIGN_OR_RETURN(int version, store_->Migrate());
  (void)version;
  XJ_RETURN_IF_ERROR(ReloadRegions());
  return RebuildEngine();
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

Status App::RebuildEngine() {
  XJ_ASSIGN_OR_RETURN(std::vector<ProjectCategory> categories, store_->LoadCategories());
  XJ_ASSIGN_OR_RETURN(std::vector<PolicyValue> stored_policies, store_->LoadPolicies());
  std::vector<PolicyChange> changes;
  for (const PolicyValue& v : stored_policies) changes.push_back({v.key, v.effective_from, v.value});
  auto engine = std::make_unique<IndicatorEngine>(regions(), CategoryCatalogue(std::move(categories)),
                                                  PolicySet::WithChanges(changes));
  // Contracts first: they decide which projects the engine tracks payments for.
  XJ_RETURN_IF_ERROR(store_->ScanContracts([&](const ProjectContract& c) { engine->LoadContract(c); }));
  auto catalog = std::make_unique<ProjectCatalog>(&engine->tree());
  XJ_RETURN_IF_ERROR(store_->ScanProjects([&](const Project& p) {
    engine->LoadProject(p);
    catalog->Load(p);
  }));
  catalog->Finish();
  XJ_RETURN_IF_ERROR(store_->ScanProgress([&](const ProgressReport& r) { engine->LoadProgress(r); }));
  XJ_ASSIGN_OR_RETURN(auto reversed, store_->ReversalDates());
  engine->LoadReversalDates(reversed);
  XJ_RETURN_IF_ERROR(store_->ScanLedgerFacts([&](const LedgerFact& f) { engine->LoadFact(f); }));
  engine->Finish();
  std::unique_lock lock(state_mu_);
  engine_ = std::move(engine);
  catalog_ = std::move(catalog);
  return Status::Ok();
}

}  // namespace xj
