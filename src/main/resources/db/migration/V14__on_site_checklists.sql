-- On-site checklists (场景化的现场检查项目清单): per product kind, versioned. An edit makes a new
-- version; a case keeps the version that was in force when its sampler was assigned.
CREATE TABLE rm_checklist (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  product_kind   VARCHAR(40)   NOT NULL,
  version        INT           NOT NULL,
  change_note    VARCHAR(500)  NOT NULL,
  created_by     VARCHAR(64)   NOT NULL,
  created_at     DATETIME      NOT NULL,
  CONSTRAINT uk_checklist_version UNIQUE (product_kind, version),
  CONSTRAINT fk_checklist_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

-- What to look at, how to check it, and what counts as a finding.
CREATE TABLE rm_checklist_item (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  checklist_id      BIGINT        NOT NULL,
  position          INT           NOT NULL,
  area              VARCHAR(20)   NOT NULL,
  title             VARCHAR(200)  NOT NULL,
  method            VARCHAR(1000) NOT NULL,
  finding_criterion VARCHAR(1000) NOT NULL,
  CONSTRAINT uk_checklist_item UNIQUE (checklist_id, position),
  CONSTRAINT fk_checklist_item FOREIGN KEY (checklist_id) REFERENCES rm_checklist (id)
) ${table_options};

-- One filling of a checklist at one sampling of a case. open_case_id is the case's id while the
-- sampler may still answer and NULL once the slip is submitted: a case has one open checklist at most.
CREATE TABLE rm_case_checklist (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT       NOT NULL,
  open_case_id  BIGINT,
  checklist_id  BIGINT       NOT NULL,
  sampler_id    VARCHAR(64)  NOT NULL,
  slip_id       BIGINT,
  opened_at     DATETIME     NOT NULL,
  submitted_at  DATETIME,
  CONSTRAINT uk_case_checklist_open UNIQUE (open_case_id),
  CONSTRAINT fk_case_checklist_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_case_checklist_list FOREIGN KEY (checklist_id) REFERENCES rm_checklist (id),
  CONSTRAINT fk_case_checklist_slip FOREIGN KEY (slip_id) REFERENCES rm_sampling_slip (id)
) ${table_options};
CREATE INDEX ix_case_checklist_case ON rm_case_checklist (case_id);

-- The current answer to an item; revision counts the changes so two devices cannot overwrite each
-- other unseen. raise_problem: the finding is to be tracked as a problem by the assistance phase.
CREATE TABLE rm_checklist_answer (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_checklist_id BIGINT        NOT NULL,
  item_id           BIGINT        NOT NULL,
  answer            VARCHAR(20)   NOT NULL,
  note              VARCHAR(1000),
  raise_problem     BOOLEAN       NOT NULL,
  revision          INT           NOT NULL,
  answered_by       VARCHAR(64)   NOT NULL,
  answered_at       DATETIME      NOT NULL,
  CONSTRAINT uk_checklist_answer UNIQUE (case_checklist_id, item_id),
  CONSTRAINT fk_answer_case_checklist FOREIGN KEY (case_checklist_id) REFERENCES rm_case_checklist (id),
  CONSTRAINT fk_answer_item FOREIGN KEY (item_id) REFERENCES rm_checklist_item (id)
) ${table_options};

-- Every change a device sent, by the id the device gave it: a change sent again (the reply was lost
-- with the connection) is recognised and applied once. A photo's change names its document.
CREATE TABLE rm_checklist_change (
  change_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  case_checklist_id BIGINT       NOT NULL,
  item_id           BIGINT       NOT NULL,
  revision          INT,
  document_id       BIGINT,
  sent_by           VARCHAR(64)  NOT NULL,
  received_at       DATETIME     NOT NULL,
  CONSTRAINT fk_change_case_checklist FOREIGN KEY (case_checklist_id) REFERENCES rm_case_checklist (id),
  CONSTRAINT fk_change_item FOREIGN KEY (item_id) REFERENCES rm_checklist_item (id),
  CONSTRAINT fk_change_document FOREIGN KEY (document_id) REFERENCES rm_document (id)
) ${table_options};
CREATE INDEX ix_checklist_change_list ON rm_checklist_change (case_checklist_id, item_id);

-- A problem raised from an on-site finding names the answer it came from.
ALTER TABLE rm_problem ADD COLUMN checklist_answer_id BIGINT;

-- Version 1 of each product kind's checklist. Common checks first (label, CCC, records, storage),
-- then the kind's own risk points.
INSERT INTO rm_checklist (product_kind, version, change_note, created_by, created_at)
SELECT code, 1, '首版 First version', 'system', '2026-01-01 00:00:00' FROM rm_product_kind;

INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT c.id, 1, 'LABEL', '产品标识 Product label',
       '核对铭牌或标签上的生产者名称、地址、型号、规格、生产日期或批号 Check the maker''s name and address, model, rating, production date or batch on the nameplate or label',
       '缺少任一项，或与包装、说明书不一致 Any item missing, or differing from the packaging or manual'
  FROM rm_checklist c;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT c.id, 2, 'CERTIFICATION', '强制性认证标志 CCC mark',
       '查看CCC标志，并在认证机构网站核对证书编号、型号和有效期 Look for the CCC mark and check the certificate number, models and validity on the certifier''s site',
       '应认证而无标志，或证书失效、不覆盖该型号 No mark where certification is required, or a certificate lapsed or not covering the model'
  FROM rm_checklist c WHERE c.product_kind IN ('E_BIKE', 'E_BIKE_CHARGER', 'E_BIKE_LI_BATTERY', 'WIRE_CABLE', 'GAS_STOVE', 'CHILDREN_PRODUCT', 'PORTABLE_LI_BATTERY');
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT c.id, 3, 'RECORDS', '进货查验与出厂检验记录 Purchase and release records',
       '抽查本批次的进货查验记录、出厂检验记录和合格证 Sample the batch''s incoming inspection, release test records and certificates of conformity',
       '无记录，或记录与本批次不对应 No records, or records that do not match the batch'
  FROM rm_checklist c;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT c.id, 4, 'STORAGE', '贮存条件 Storage',
       '查看库房温湿度、堆码高度、防火间距和与热源的距离 Look at the store''s temperature and humidity, stacking height, fire gaps and distance from heat',
       '受潮、暴晒、堆码超高或紧邻热源 Damp, in sun, stacked too high or next to heat'
  FROM rm_checklist c;

INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '整车质量与最高车速 Mass and top speed', '查看整车质量标注与限速装置，必要时称重 Check the marked mass and the speed limiter; weigh if in doubt', '整车质量超过55 kg或限速装置可被拆改 Over 55 kg, or a speed limiter that can be removed' FROM rm_checklist WHERE product_kind = 'E_BIKE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '脚踏骑行能力 Pedals', '查看是否装有脚踏及其完好 Check the pedals are fitted and sound', '无脚踏或脚踏不能使用 No pedals, or pedals that cannot be used' FROM rm_checklist WHERE product_kind = 'E_BIKE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '充满自停功能 Cut-off when charged', '查看说明书与铭牌的充满自停说明，抽一台通电观察指示 Read the cut-off claim, power one unit and watch the indicator', '无充满自停说明或指示异常 No cut-off claim, or an indicator that does not change' FROM rm_checklist WHERE product_kind = 'E_BIKE_CHARGER' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '输出线与插头 Output lead and plug', '查看输出线线径、护套和插头极性标识 Check the lead''s gauge, sheath and the plug''s polarity marks', '线径明显偏细、护套破损或无极性标识 A visibly thin lead, a torn sheath or no polarity mark' FROM rm_checklist WHERE product_kind = 'E_BIKE_CHARGER' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '电池管理系统标识 Battery management system', '查看电池包上BMS与额定电压、容量标识 Check the pack''s BMS marking, rated voltage and capacity', '无BMS标识或电压、容量与整车不匹配 No BMS marking, or a voltage or capacity that does not fit the bike' FROM rm_checklist WHERE product_kind = 'E_BIKE_LI_BATTERY' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '外壳与鼓胀 Casing and swelling', '目视检查外壳是否开裂、变形、鼓胀 Look for cracks, deformation or swelling', '外壳开裂、变形或鼓胀 A cracked, deformed or swollen casing' FROM rm_checklist WHERE product_kind = 'E_BIKE_LI_BATTERY' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '导体截面 Conductor cross-section', '截取一段，核对导体根数和直径，与标称截面比较 Cut a length and count and measure the strands against the marked cross-section', '导体明显偏细或根数少于标称 Conductors visibly thinner or fewer than marked' FROM rm_checklist WHERE product_kind = 'WIRE_CABLE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '绝缘与护套 Insulation and sheath', '查看绝缘和护套的厚度均匀性及印字 Check the insulation''s and sheath''s even thickness and the printing', '厚度不均、破损或无连续印字 Uneven or damaged, or no continuous printing' FROM rm_checklist WHERE product_kind = 'WIRE_CABLE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '熄火保护装置 Flame failure device', '查看每个燃烧器是否装有熄火保护装置 Check every burner has a flame failure device', '任一燃烧器无熄火保护装置 A burner without a flame failure device' FROM rm_checklist WHERE product_kind = 'GAS_STOVE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '适用气种标识 Gas type marking', '核对铭牌上的适用气种和额定压力 Check the nameplate''s gas type and rated pressure', '无适用气种或与销售地区气源不符 No gas type, or one that does not match the local supply' FROM rm_checklist WHERE product_kind = 'GAS_STOVE' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '食品接触用标识 Food-contact marking', '查看“食品接触用”字样或标志及材质说明 Look for the food-contact wording or symbol and the material', '无食品接触用标识或无材质说明 No food-contact marking or no material stated' FROM rm_checklist WHERE product_kind = 'FOOD_CONTACT_PLASTIC' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '气味与外观 Odour and appearance', '开封闻味，查看是否有杂质、变色 Open a unit, smell it, look for specks or discolouring', '有明显异味、杂质或变色 A strong odour, specks or discolouring' FROM rm_checklist WHERE product_kind = 'FOOD_CONTACT_PLASTIC' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '小零件与锐边 Small parts and sharp edges', '检查可拆卸小零件、锐利边缘和尖端 Check for detachable small parts, sharp edges and points', '三岁以下儿童用品有可拆小零件，或有锐边尖端 Detachable small parts on products for under-threes, or sharp edges or points' FROM rm_checklist WHERE product_kind = 'CHILDREN_PRODUCT' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '警示标识 Warnings', '查看年龄警示和使用警示 Look for age and use warnings', '缺少年龄警示或警示不清 No age warning, or an unclear one' FROM rm_checklist WHERE product_kind = 'CHILDREN_PRODUCT' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 5, 'PRODUCT', '额定容量与能量标识 Rated capacity and energy', '核对额定容量、额定能量（Wh）标识 Check the rated capacity and energy (Wh) marking', '无额定能量标识，或标称值明显虚高 No energy marking, or a value that is plainly overstated' FROM rm_checklist WHERE product_kind = 'PORTABLE_LI_BATTERY' AND version = 1;
INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
SELECT id, 6, 'PRODUCT', '外壳与鼓胀 Casing and swelling', '目视检查外壳是否开裂、变形、鼓胀 Look for cracks, deformation or swelling', '外壳开裂、变形或鼓胀 A cracked, deformed or swollen casing' FROM rm_checklist WHERE product_kind = 'PORTABLE_LI_BATTERY' AND version = 1;

-- the dashboard counts tracked findings and the planning step looks them up by answer
CREATE INDEX ix_problem_checklist_answer ON rm_problem (checklist_answer_id);
