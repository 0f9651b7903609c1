-- Project library records (项目库): one table of typed documents, one kind per record type —
-- a project's library sheet (project_sheet), versions of reference data (guideline, negative),
-- the joint-review configuration of a county (review_departments) and the departments'
-- decisions (signoff), compliance reviews (compliance_review), public postings (posting)
-- and objections to them (objection, ref_id = the posting), village plans (village_plan).
-- `doc` is the record as JSON (app/library_codec); the columns are what the app looks up by.
CREATE TABLE library_records (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  province_code TEXT NOT NULL DEFAULT '',
  region_code   TEXT NOT NULL DEFAULT '',
  project_code  TEXT NOT NULL DEFAULT '',
  ref_id        INTEGER NOT NULL DEFAULT 0,
  doc           TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX library_records_project ON library_records (kind, project_code, id);
CREATE INDEX library_records_region ON library_records (kind, region_code, id);
CREATE INDEX library_records_ref ON library_records (kind, ref_id, id);

-- Reference data in force from 2021-01-01: the 13 departments' construction-content guidelines
-- and the negative list. Administrators add versions with later effective dates.
INSERT INTO library_records (kind, doc, created_at, updated_at) VALUES
  ('guideline', '{"code":"G01","effective_from":"2021-01-01","retired":false,"department":"农业农村部门","category_code":"0101","text":"特色种植养殖基地、良种繁育、设施农业","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G02","effective_from":"2021-01-01","retired":false,"department":"林业和草原部门","category_code":"0101","text":"经济林、林下经济、草原畜牧业生产设施","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G03","effective_from":"2021-01-01","retired":false,"department":"农业农村部门","category_code":"0102","text":"农产品初加工、冷链仓储、产地市场","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G04","effective_from":"2021-01-01","retired":false,"department":"商务部门","category_code":"0102","text":"农村电商服务站点、农产品流通网点","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G05","effective_from":"2021-01-01","retired":false,"department":"自然资源部门","category_code":"0103","text":"产业园区配套用地整理、高标准农田配套","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G06","effective_from":"2021-01-01","retired":false,"department":"乡村振兴部门","category_code":"0104","text":"产业技术服务、品牌培育、产销对接","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G07","effective_from":"2021-01-01","retired":false,"department":"财政部门","category_code":"0105","text":"小额信贷贴息、农业保险保费补贴","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G08","effective_from":"2021-01-01","retired":false,"department":"人力资源社会保障部门","category_code":"0201","text":"跨区域务工交通补助、稳岗补助","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G09","effective_from":"2021-01-01","retired":false,"department":"人力资源社会保障部门","category_code":"0202","text":"职业技能培训、创业扶持","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G10","effective_from":"2021-01-01","retired":false,"department":"乡村振兴部门","category_code":"0203","text":"乡村公益性岗位","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G11","effective_from":"2021-01-01","retired":false,"department":"交通运输部门","category_code":"0301","text":"通村通组道路、村内道路硬化","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G12","effective_from":"2021-01-01","retired":false,"department":"水利部门","category_code":"0301","text":"农村供水保障、小型水利设施","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G13","effective_from":"2021-01-01","retired":false,"department":"住房城乡建设部门","category_code":"0302","text":"农村卫生厕所、生活污水和垃圾治理","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G14","effective_from":"2021-01-01","retired":false,"department":"卫生健康部门","category_code":"0303","text":"村卫生室标准化建设","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G15","effective_from":"2021-01-01","retired":false,"department":"教育部门","category_code":"0303","text":"村级幼儿园、学前教育设施","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G16","effective_from":"2021-01-01","retired":false,"department":"发展改革部门","category_code":"0401","text":"易地搬迁安置点配套基础设施","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G17","effective_from":"2021-01-01","retired":false,"department":"人力资源社会保障部门","category_code":"0402","text":"搬迁群众就业帮扶、跨区域就业交通补助（提高 50%）","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G18","effective_from":"2021-01-01","retired":false,"department":"农业农村部门","category_code":"0403","text":"安置点后续产业项目","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G19","effective_from":"2021-01-01","retired":false,"department":"住房城乡建设部门","category_code":"0501","text":"农村低收入群体危房改造","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G20","effective_from":"2021-01-01","retired":false,"department":"教育部门","category_code":"0502","text":"雨露计划职业教育补助","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G21","effective_from":"2021-01-01","retired":false,"department":"卫生健康部门","category_code":"0503","text":"防止因病返贫健康帮扶","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G22","effective_from":"2021-01-01","retired":false,"department":"乡村振兴部门","category_code":"0601","text":"乡村治理、文明乡风建设","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('guideline', '{"code":"G23","effective_from":"2021-01-01","retired":false,"department":"财政部门","category_code":"0701","text":"项目前期设计、评审、招标、监理、验收等管理费（不超过规定比例）","keywords":[],"source":"13 个部门建设内容指引（演示整理）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N01","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"行政事业单位基本支出","keywords":["工资","津补贴","办公经费","差旅费"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N02","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"交通工具及通讯设备","keywords":["车辆","汽车","手机","通讯设备"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N03","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"修建楼堂馆所及党政机关办公用房","keywords":["楼堂馆所","办公楼","办公用房"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N04","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"弥补企业亏损","keywords":["弥补亏损","企业亏损"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N05","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"修建大中型基础设施","keywords":["大中型基础设施","高速公路","大中型水库","机场"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N06","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"偿还债务和垫资","keywords":["偿还债务","还债","垫资"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
  ('negative', '{"code":"N07","effective_from":"2021-01-01","retired":false,"department":"","category_code":"","text":"其他与巩固拓展脱贫攻坚成果和推进乡村振兴无关的支出","keywords":["招待费","考察旅游"],"source":"中央财政衔接推进乡村振兴补助资金管理办法（财农〔2021〕19号）"}', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z');
