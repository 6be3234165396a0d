package org.riskmonitor.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/**
 * Start of a case, after {@code caseOpening} has written it: a case sampled among the components
 * waiting for assembly at an e-bike plant names the component type and its labelled manufacturer,
 * the supplier. The plant (the case's enterprise) is where the sample is drawn and confirms the
 * slip ({@code samplingSiteGroup}); the supplier answers for the result from then on, so the
 * enterprise steps go to its group ({@code enterpriseGroup}). Any other case must not send these
 * fields. A refusal here undoes the opening: no case row, no process instance.
 */
@Component("componentSampling")
public class ComponentSampling implements ExecutionListener {

  static final String NOT_A_COMPONENT_CASE =
      "零部件类型和供应商仅用于组装厂待装零部件抽样 Component type and supplier apply only to components at assembly plants";

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final EnterpriseRegistry enterprises;
  private final ComponentMapper mapper;
  private final AuditTrail audit;
  private final Catalogue catalogue;

  public ComponentSampling(FormDefinitions forms, MonitoringCases cases, EnterpriseRegistry enterprises,
                           ComponentMapper mapper, AuditTrail audit, Catalogue catalogue) {
    this.catalogue = catalogue;
    this.forms = forms;
    this.cases = cases;
    this.enterprises = enterprises;
    this.mapper = mapper;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    MonitoringCase opened = cases.of(execution);
    Enterprise plant = enterprises.byId(opened.enterpriseId());
    SubmittedForm form = forms.submission(execution);
    // the values were checked against the form (lengths, pattern, choices) when the case was opened
    String typeCode = form.optionalText("componentType");
    String supplierUscc = form.optionalText("supplierUscc");
    String supplierName = form.optionalText("supplierName");
    execution.setVariable("samplingSiteGroup", plant.groupId());
    if (!Venue.ASSEMBLY_COMPONENTS.name().equals(opened.venue())) {
      if (typeCode != null || supplierUscc != null || supplierName != null) {
        throw new FormRefusal(NOT_A_COMPONENT_CASE);
      }
      return;
    }

    List<String> problems = new ArrayList<>();
    ComponentType type = null;
    if (typeCode == null) {
      problems.add(form.label("componentType") + "：必填 required");
    } else {
      type = ComponentType.valueOf(typeCode);
      if (!type.productKind().equals(opened.productKind())) {
        ProductKind kind = catalogue.kind(type.productKind());
        problems.add("产品类别 Product kind：" + type.label() + "按" + kind.nameZh() + "的标准检验，产品类别应选 is tested as "
            + kind.nameZh() + " " + kind.nameEn());
      }
    }
    Enterprise supplier = null;
    if (supplierUscc == null) {
      problems.add(form.label("supplierUscc") + "：必填 required");
    } else if (Uscc.check(supplierUscc) == Uscc.Verdict.MALFORMED) {
      problems.add(form.label("supplierUscc") + "：格式不正确 USCC is malformed");
    } else {
      supplier = enterprises.byUscc(supplierUscc);
      if (supplier == null) {
        problems.add("供应商未登记，请先登记企业 Supplier not registered: " + supplierUscc);
      } else if (supplier.id() == plant.id().longValue()) {
        problems.add("供应商不能是被抽样的组装厂本身 The supplier cannot be the assembly plant sampled");
      }
    }
    if (supplierName == null) {
      problems.add(form.label("supplierName") + "：必填 required");
    } else if (supplier != null && !supplier.name().equals(supplierName)) {
      problems.add(form.label("supplierName") + "：与该统一社会信用代码登记的名称不符 does not match the name registered for the USCC: "
          + supplier.name());
    }
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }

    mapper.attach(opened.id(), type.name(), supplier.id());
    audit.record(opened.id(), "component-sampling", opened.openedBy(), Map.of("componentType", type.name(),
        "supplierUscc", supplier.uscc(), "supplierName", supplier.name(), "assemblyPlantUscc", plant.uscc()));
    execution.setVariable("enterpriseGroup", supplier.groupId());
    execution.setVariable("enterpriseName", supplier.name());
  }
}
