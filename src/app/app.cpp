#include "app/app.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "app/import_jobs.hpp"

namespace xj {

App::App(std::unique_ptr<Store> store, AppOptions options)
    : store_(std::move(store)),
      options_(std::move(options)),
      throttle_(options_.accounts.throttle, *store_),
      token_limit_(options_.tokens.rate),
      regions_(std::make_shared<RegionTree>()) {}
App::~App() {
  StopFollower();
  jobs_.reset();
}

ImportJobs& App::import_jobs() {
  std::call_once(jobs_once_, [this] { jobs_ = std::make_unique<ImportJobs>(*this); });
  return *jobs_;
}

namespace {

/// Records how long each step of a build took.
class PhaseClock {
 public:
  explicit PhaseClock(std::vector<std::pair<std::string, double>>& out) : out_(out) {}
  void Mark(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    out_.emplace_back(std::move(name), std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  std::vector<std::pair<std::string, double>>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

Status App::Start() {
  std::vector<std::pair<std::string, double>> phases;
  PhaseClock clock(phases);
  XJ_RETURN_IF_ERROR(crypto::Init());
  XJ_ASSIGN_OR_RETURN(int version, store_->Migrate());
  clock.Mark("migrate");
  if (replica_) {
    XJ_RETURN_IF_ERROR(WaitForReplica(version));
    clock.Mark("replica");
  }
  Store& source = engine_source();
  // Read before the engine is built: a change committed meanwhile moves the counter past it, and
  // the follower rebuilds once more (never misses it).
  XJ_ASSIGN_OR_RETURN(Store::ChangeMark mark, source.ReadChangeMark());
  {
    std::lock_guard lock(write_mu_);
    followed_changes_ = mark.changes;
  }
  // The region tree and the engine's reference rows do not depend on each other: the rows
  // are read on another thread while the tree is built.
  Result<EngineReference> reference = Status::Internal("未读取");
  std::thread reader([&] { reference = ReadEngineReference(&source); });
  const Status regions = ReloadRegions(&source);
  reader.join();
  XJ_RETURN_IF_ERROR(regions);
  XJ_RETURN_IF_ERROR(reference.status());
  clock.Mark("regions");
  XJ_RETURN_IF_ERROR(RebuildEngine(std::move(*reference), &source));
  std::lock_guard lock(phases_mu_);
  phases.insert(phases.end(), start_phases_.begin(), start_phases_.end());
  start_phases_ = std::move(phases);
  return Status::Ok();
}

std::vector<std::pair<std::string, double>> App::start_phases() const {
  std::lock_guard lock(phases_mu_);
  return start_phases_;
}

std::shared_ptr<const RegionTree> App::regions() const {
  std::shared_lock lock(state_mu_);
  return regions_;
}

void App::UseReplica(std::unique_ptr<Store> replica) {
  replica_ = std::move(replica);
}

Status App::WaitForReplica(int version) {
  XJ_ASSIGN_OR_RETURN(Store::ChangeMark primary, store_->ReadChangeMark());
  const auto deadline = std::chrono::steady_clock::now() + options_.replica_wait;
  std::string behind;
  for (;;) {
    // A replica that has not replayed the schema yet cannot even read its version: that is
    // being behind too, not a failure.
    const Result<int> replica_version = replica_->SchemaVersion();
    if (!replica_version.ok()) {
      behind = replica_version.status().ToString();
    } else if (*replica_version != version) {
      behind = "副本结构版本 " + std::to_string(*replica_version) + "，主库 " + std::to_string(version);
    } else {
      XJ_ASSIGN_OR_RETURN(Store::ChangeMark mark, replica_->ReadChangeMark());
      if (mark.changes >= primary.changes && mark.max_seq >= primary.max_seq) return Status::Ok();
      behind = "副本台账至 seq " + std::to_string(mark.max_seq) + "，主库 " + std::to_string(primary.max_seq);
    }
    if (std::chrono::steady_clock::now() >= deadline) return Status::Unavailable("只读副本未追上主库：" + behind);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

Status App::ReloadRegions(Store* from) {
  XJ_ASSIGN_OR_RETURN(std::vector<Region> all, (from ? *from : *store_).LoadRegions());
  XJ_ASSIGN_OR_RETURN(RegionTree tree, RegionTree::Build(std::move(all)));
  auto fresh = std::make_shared<const RegionTree>(std::move(tree));
  std::unique_lock lock(state_mu_);
  regions_ = std::move(fresh);
  return Status::Ok();
}

Result<App::EngineReference> App::ReadEngineReference(Store* from) {
  Store& store = from ? *from : *store_;
  EngineReference r;
  XJ_ASSIGN_OR_RETURN(r.categories, store.LoadCategories());
  XJ_ASSIGN_OR_RETURN(r.policies, store.LoadPolicies());
  XJ_RETURN_IF_ERROR(store.ScanContracts([&](const ProjectContract& c) { r.contracts.push_back(c); }));
  XJ_RETURN_IF_ERROR(store.ScanProgress([&](const ProgressReport& p) { r.progress.push_back(p); }));
  XJ_ASSIGN_OR_RETURN(r.acceptances, store.AcceptanceDates());
  return r;
}

Status App::RebuildEngine(std::optional<EngineReference> reference, Store* from) {
  Store& store = from ? *from : *store_;
  std::vector<std::pair<std::string, double>> phases;
  PhaseClock clock(phases);
  if (!reference) {
    XJ_ASSIGN_OR_RETURN(EngineReference read, ReadEngineReference(&store));
    reference = std::move(read);
  }
  std::vector<PolicyChange> changes;
  for (const PolicyValue& v : reference->policies) changes.push_back({v.key, v.effective_from, v.value, v.region_code});
  auto engine = std::make_unique<IndicatorEngine>(regions(), CategoryCatalogue(std::move(reference->categories)),
                                                  PolicySet::WithChanges(changes));
  // Contracts first: they decide which projects the engine tracks payments for; progress
  // and acceptances next (they may add tracked projects without a contract yet).
  engine->ReserveTracked(reference->contracts.size());
  for (const ProjectContract& c : reference->contracts) engine->LoadContract(c);
  for (const ProgressReport& r : reference->progress) engine->LoadProgress(r);
  for (const auto& [code, on] : reference->acceptances) engine->LoadAcceptance(code, on);
  reference.reset();
  clock.Mark("reference");
  // The ledger is read up to the seq that was last when the reversal dates were read, so every
  // reversal it holds has its date; later entries are the follower's (follow.cpp).
  XJ_ASSIGN_OR_RETURN(Store::ChangeMark ledger_mark, store.ReadChangeMark());
  XJ_ASSIGN_OR_RETURN(auto reversed, store.ReversalDates());
  engine->LoadReversalDates(reversed);
  clock.Mark("reversals");
  // Projects load on one thread while the ledger loads on the others: the engine keeps
  // their state apart, and the store reads each part on its own connection.
  const int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 2u, 8u));
  auto catalog = std::make_unique<ProjectCatalog>(&engine->tree());
  Status projects_status;
  std::thread projects([&] {
    projects_status = store.ScanProjects([&](const Project& p) {
      engine->LoadProject(p);
      catalog->Load(p);
    });
    catalog->Finish();
  });
  engine->PrepareShards(threads);
  const Status ledger_status = store.ScanLedgerFacts(
      threads, [&](int shard, const LedgerFact& f) { engine->LoadFact(shard, f); }, ledger_mark.max_seq);
  projects.join();
  XJ_RETURN_IF_ERROR(projects_status);
  XJ_RETURN_IF_ERROR(ledger_status);
  clock.Mark("projects+ledger");
  engine->Finish(threads);
  // 以拨代支 entries whose inquiry was determined rejected no longer count (docs/definitions.md §11).
  XJ_ASSIGN_OR_RETURN(std::vector<std::string> cleared, store.RejectedDisburseAsExpendEntries());
  engine->ClearDisburseAsExpend(cleared);
  clock.Mark("finish");
  {
    std::unique_lock lock(state_mu_);
    engine_ = std::move(engine);
    catalog_ = std::move(catalog);
  }
  // Every entry up to the scanned seq is in the new engine; this process's own later ones
  // cannot exist (writes wait for write_mu_).
  followed_seq_ = store.last_scanned_seq();
  own_seqs_.erase(own_seqs_.begin(), own_seqs_.upper_bound(followed_seq_));
  std::lock_guard lock(phases_mu_);
  start_phases_ = std::move(phases);
  return Status::Ok();
}

}  // namespace xj
