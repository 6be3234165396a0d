package org.riskmonitor.proposal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public page where anyone proposes a product for the yearly catalogue, without logging in.
 * A post must come from this page (a token kept in the visitor's session, as our other pages use
 * the webapps' token), is counted against its address's hour, and is checked before anything is
 * written. The contact typed in is never written back to any page.
 */
@Controller
@RequestMapping("/proposals")
public class ProposalPage {

  static final String TOKEN_FIELD = "csrfToken";
  private static final String TOKEN_ATTRIBUTE = "riskmonitor.proposalToken";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Proposals proposals;
  private final ProposalThrottle throttle;
  private final ProposalLimits limits;

  public ProposalPage(Proposals proposals, ProposalThrottle throttle, ProposalLimits limits) {
    this.proposals = proposals;
    this.throttle = throttle;
    this.limits = limits;
  }

  @GetMapping("/new")
  public String form(HttpServletRequest request, Model model) {
    return show(request, model, ProposalForm.empty(), List.of());
  }

  @PostMapping
  public String submit(@ModelAttribute ProposalForm form,
                       @RequestParam(value = "photo", required = false) MultipartFile photo,
                       @RequestParam(value = TOKEN_FIELD, required = false) String token,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
    // the servlet's remote address: behind a reverse proxy set server.forward-headers-strategy so it is the client's
    long wait = throttle.secondsToWait(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(wait));
      return refused(model, "提交过于频繁，请" + minutes(wait) + "分钟后再试。"
          + " Too many proposals from your address: please try again in " + minutes(wait) + " minutes.");
    }
    if (!tokenMatches(request, token)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return refused(model, "页面已过期，请重新打开建议页面后提交。"
          + " This page has expired: please open the proposal page again and resubmit.");
    }
    try {
      model.addAttribute("number", proposals.submit(form, photo));
      return "proposal/accepted";
    } catch (ProposalRefusal refusal) {
      response.setStatus(refusal.status().value());
      return show(request, model, form.withoutContact(), refusal.problems());
    }
  }

  private String show(HttpServletRequest request, Model model, ProposalForm form, List<String> problems) {
    model.addAttribute("proposal", form);
    model.addAttribute("places", PurchasePlace.values());
    model.addAttribute("problems", problems);
    model.addAttribute("tokenField", TOKEN_FIELD);
    model.addAttribute("token", token(request.getSession()));
    model.addAttribute("maxPhotoSize", limits.maxPhotoSizeText());
    model.addAttribute("productMax", Proposals.PRODUCT_MAX);
    model.addAttribute("placeDetailMax", Proposals.PLACE_DETAIL_MAX);
    model.addAttribute("concernMin", Proposals.CONCERN_MIN);
    model.addAttribute("concernMax", Proposals.CONCERN_MAX);
    model.addAttribute("contactMax", Proposals.CONTACT_MAX);
    return "proposal/form";
  }

  private static String refused(Model model, String message) {
    model.addAttribute("message", message);
    return "proposal/refused";
  }

  private static long minutes(long seconds) {
    return (seconds + 59) / 60;
  }

  private static String token(HttpSession session) {
    Object token = session.getAttribute(TOKEN_ATTRIBUTE);
    if (token == null) {
      byte[] random = new byte[24];
      RANDOM.nextBytes(random);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      session.setAttribute(TOKEN_ATTRIBUTE, token);
    }
    return token.toString();
  }

  private static boolean tokenMatches(HttpServletRequest request, String sent) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
    return expected != null && sent != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
