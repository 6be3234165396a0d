package org.riskmonitor.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.FileType;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Citizens' proposals for the yearly catalogue: checked, stored, and handed to the coordinator by a
 * {@code catalogue-proposal} process. Checked before anything is written, so a refused proposal
 * leaves no row and no process behind.
 */
@Service
public class Proposals {

  public static final String PROCESS_KEY = "catalogue-proposal";
  static final int PRODUCT_MAX = 100;
  static final int PLACE_DETAIL_MAX = 200;
  static final int CONCERN_MIN = 5;
  static final int CONCERN_MAX = 1000;
  static final int CONTACT_MAX = 100;

  private final ProposalMapper mapper;
  private final RuntimeService runtimeService;
  private final ProposalLimits limits;
  private final RegulatorClock clock;

  public Proposals(ProposalMapper mapper, RuntimeService runtimeService, ProposalLimits limits, RegulatorClock clock) {
    this.mapper = mapper;
    this.runtimeService = runtimeService;
    this.limits = limits;
    this.clock = clock;
  }

  /** The proposal's number, given once it is stored and its process started. */
  @Transactional
  public String submit(ProposalForm form, MultipartFile photo) {
    List<String> problems = new ArrayList<>();
    String product = text(form.product(), "产品名称 Product", 1, PRODUCT_MAX, problems);
    PurchasePlace place = PurchasePlace.named(form.placeKind());
    if (place == null) {
      problems.add("购买渠道 Where bought：请选择实体商店、集贸市场或网络平台 choose a shop, a market or an online platform");
    }
    String placeDetail = text(form.placeDetail(), "商店、市场或平台名称 Name of the shop, market or platform", 1,
        PLACE_DETAIL_MAX, problems);
    String concern = text(form.concern(), "关注的问题 Concern", CONCERN_MIN, CONCERN_MAX, problems);
    String contact = blank(form.contact()) ? null
        : text(form.contact(), "联系方式 Contact", 1, CONTACT_MAX, problems);
    Photo checkedPhoto = photo(photo, problems);
    if (!problems.isEmpty()) {
      throw new ProposalRefusal(HttpStatus.BAD_REQUEST, problems);
    }
    GeneratedId id = new GeneratedId();
    mapper.insert(new Proposal(product, place.name(), placeDetail, concern, checkedPhoto == null ? null : checkedPhoto.content(),
        checkedPhoto == null ? null : checkedPhoto.type().contentType(), contact, clock.now()), id);
    String number = String.format("JY-%d-%06d", clock.today().getYear(), id.getId());
    mapper.number(id.getId(), number);
    // the contact stays out of the process: the engine's variables reach Cockpit and its history
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, number, Map.of(
        "proposalId", id.getId(),
        "proposalNumber", number,
        // the task card's columns (tasklist.TaskCardColumns), so a coordinator tells proposals apart
        "programmeNumber", number,
        "productName", product,
        "proposalProduct", markdownLiteral(product),
        "proposalPlace", place.label() + "：" + markdownLiteral(placeDetail),
        "proposalConcern", markdownLiteral(concern),
        "proposalPhoto", checkedPhoto == null ? "无 None" : "[照片 Photo](/manage/proposals/" + number + "/photo)"));
    return number;
  }

  /** A proposal's photo, or null if it has none (or no such proposal exists). */
  public StoredPhoto photo(String number) {
    return mapper.photo(number);
  }

  private record Photo(FileType type, byte[] content) {
  }

  /** Same rules as a case's documents: the type proven by the content (JPEG or PNG here), the size bounded. */
  private Photo photo(MultipartFile photo, List<String> problems) {
    if (photo == null || photo.isEmpty()) {
      return null;
    }
    if (photo.getSize() > limits.maxPhotoSize().toBytes()) {
      problems.add("照片 Photo：不得超过" + limits.maxPhotoSizeText() + " at most " + limits.maxPhotoSizeText());
      return null;
    }
    byte[] content = bytesOf(photo);
    FileType type = FileType.of(content);
    String name = photo.getOriginalFilename();
    if ((type != FileType.JPEG && type != FileType.PNG) || (name != null && !name.isBlank() && !type.matchesName(name))) {
      problems.add("照片 Photo：仅限JPEG或PNG图片 JPEG or PNG pictures only");
      return null;
    }
    return new Photo(type, content);
  }

  private static String text(String value, String label, int min, int max, List<String> problems) {
    if (blank(value)) {
      problems.add(label + "：必填 required");
      return null;
    }
    String text = value.strip();
    if (text.length() > max) {
      problems.add(label + "：不得超过" + max + "个字符 at most " + max + " characters");
      return null;
    }
    if (text.length() < min) {
      problems.add(label + "：不得少于" + min + "个字符 at least " + min + " characters");
      return null;
    }
    String unacceptable = TextRules.problem(text);
    if (unacceptable != null) {
      problems.add(label + "：" + unacceptable);
      return null;
    }
    return text;
  }

  /**
   * Text as the forms' Markdown shows it literally: a stranger's "[link](...)" or "**" must not turn
   * into a link or formatting in the coordinator's Tasklist.
   */
  static String markdownLiteral(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]{}()#+\\-.!|>~<])", "\\\\$1");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static byte[] bytesOf(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("uploaded photo could not be read", e);
    }
  }
}
