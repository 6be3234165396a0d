-- The component types sampled at e-bike assembly plants, each tested against the standard of the
-- product kind named here (a charger as an e-bike charger, a battery as an e-bike Li-ion battery;
-- lights, reflectors, short-circuit protectors and handlebars under the e-bike standards). Kept as
-- reference data so the red/black list and the dashboard can name a case's component in SQL.
CREATE TABLE rm_component_type (
  code         VARCHAR(30)  NOT NULL PRIMARY KEY,
  name_zh      VARCHAR(50)  NOT NULL,
  name_en      VARCHAR(50)  NOT NULL,
  product_kind VARCHAR(40)  NOT NULL,
  CONSTRAINT fk_component_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

INSERT INTO rm_component_type (code, name_zh, name_en, product_kind) VALUES
('LIGHT', '车灯', 'Light', 'E_BIKE'),
('REFLECTOR', '反射器', 'Reflector', 'E_BIKE'),
('CHARGER', '充电器', 'Charger', 'E_BIKE_CHARGER'),
('SHORT_CIRCUIT_PROTECTOR', '短路保护器', 'Short-circuit protector', 'E_BIKE'),
('HANDLEBAR', '车把组合件', 'Handlebar assembly', 'E_BIKE'),
('LI_ION_BATTERY', '锂离子蓄电池', 'Li-ion battery', 'E_BIKE_LI_BATTERY');

ALTER TABLE rm_monitoring_case ADD CONSTRAINT fk_case_component_type
  FOREIGN KEY (component_type) REFERENCES rm_component_type (code);
