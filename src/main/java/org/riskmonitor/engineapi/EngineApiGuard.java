package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.riskmonitor.engineapi.EngineApiAllowList.Condition;
import org.riskmonitor.engineapi.EngineApiAllowList.Row;
import org.riskmonitor.engineapi.EngineApiOperations.Operation;
import org.riskmonitor.form.StartFormChoices;
import org.riskmonitor.security.Roles;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

/**
 * The engine's REST API, on both paths it is served on ({@code /engine-rest} with HTTP Basic or a
 * session, and {@code /camunda/api/engine/engine/default} behind Tasklist and Cockpit), answers a
 * user who is not an administrator only the operations {@link EngineApiAllowList} opens to one of
 * their roles. Everything else is refused with 403 before the engine sees it, and recorded.
 */
public class EngineApiGuard extends OncePerRequestFilter {

  static final String REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine";
  private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
      "X-Method-Override");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The reads that answer a task's form with its variables, on every role's path. */
  private static final Set<String> TASK_VARIABLE_READS = Set.of("GET /task/{id}/form-variables",
      "GET /task/{id}/variables");

  private final ProcessEngine engine;
  private final EngineApiOperations operations;
  private final EngineApiAllowList allowList;
  private final TaskFormView formView;
  private final CaseSummary summary;
  private final RefusedCalls refusedCalls;
  private final PasswordChecks passwordChecks;
  private final FormSubmissions formSubmissions;
  private final CompletionRaces completionRaces;
  private final StartFormSchemas startForms;
  private final LimsCalls limsCalls;

  public EngineApiGuard(ProcessEngine engine, EngineApiOperations operations, EngineApiAllowList allowList,
                        TaskFormView formView, CaseSummary summary, RefusedCalls refusedCalls,
                        PasswordChecks passwordChecks, FormSubmissions formSubmissions, CompletionRaces completionRaces,
                        StartFormSchemas startForms, LimsCalls limsCalls) {
    this.engine = engine;
    this.operations = operations;
    this.allowList = allowList;
    this.formView = formView;
    this.summary = summary;
    this.refusedCalls = refusedCalls;
    this.passwordChecks = passwordChecks;
    this.formSubmissions = formSubmissions;
    this.completionRaces = completionRaces;
    this.startForms = startForms;
    this.limsCalls = limsCalls;
  }

  private record Caller(String userId, Set<ApiRole> roles, boolean administrator) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    boolean webapp = uri.startsWith(WEBAPP);
    String apiPath = webapp ? uri.substring(WEBAPP.length()) : uri.substring(REST.length());
    if (webapp && (apiPath.isEmpty() || "/".equals(apiPath))) {
      // the webapps list the engines before anyone logs in
      chain.doFilter(request, response);
      return;
    }
    Caller caller = webapp ? sessionCaller(request) : restCaller();
    if (caller == null) {
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationError", "请先登录 Authentication required");
      return;
    }
    List<String> path = segments(webapp ? webappEngineRemainder(apiPath) : withoutEngineName(apiPath));
    String method = request.getMethod();
    Optional<Operation> operation = path == null || hasMethodOverride(request) ? Optional.empty()
        : operations.find(method, path);
    boolean completion = operation.isPresent() && formSubmissions.applies(operation.get().name());
    if (caller.administrator()) {
      // administrators reach the whole API, but a task is finished through its form by everyone
      if (completion) {
        complete(request, response, chain, operation.get().parameters(path).get("id"));
      } else if (operation.filter(EngineApiGuard::readsTaskVariables).isPresent()) {
        answerWithSummary(request, response, chain, operation.get().parameters(path).get("id"), false);
      } else if (operation.filter(startForms::applies).isPresent()) {
        answerWithChoices(request, response, chain, operation.get().parameters(path));
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    List<Row> rows = operation.map(o -> allowList.rowsFor(o, caller.roles())).orElse(List.of());
    Map<String, String> parameters = operation.map(o -> o.parameters(path)).orElse(Map.of());
    boolean lims = rows.stream().anyMatch(row -> row.condition() == Condition.LIMS);
    boolean readsBody = operation.isPresent() && (passwordChecks.applies(operation.get().name())
        || rows.stream().anyMatch(row -> row.condition() == Condition.CARD_FILTERS));
    ReadBody body = lims ? new ReadBody(request, LimsCalls.BODY_LIMIT) : readsBody ? new ReadBody(request) : null;
    HttpServletRequest forwarded = body == null ? request : body;
    Optional<Row> allowing = rows.stream().filter(row -> holds(row.condition(), caller, parameters, forwarded, body))
        .findFirst();
    if (allowing.isEmpty()) {
      refusedCalls.record(caller.userId(), method, uri, operation.map(Operation::name).orElse(null), parameters);
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "您的角色不能调用此接口 This operation is not open to your role: " + method + " "
              + operation.map(Operation::template).orElse("(not an operation of the engine's API)"));
      return;
    }
    if (allowing.get().condition() == Condition.LIMS) {
      if (!body.complete()) {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
            "请求体过大，最多" + LimsCalls.BODY_LIMIT / 1024 / 1024 + " MB The request body is too large: at most "
                + LimsCalls.BODY_LIMIT / 1024 / 1024 + " MB");
        return;
      }
      Optional<String> refusal = limsCalls.refusal(operation.get().name(), parameters, body.bytes());
      if (refusal.isPresent()) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal.get());
        return;
      }
      if (!limsCalls.checksSubmission(operation.get().name())) {
        // not buffered: fetchAndLock long-polls, answering after this filter has returned
        chain.doFilter(body, response);
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(body, answer);
      Optional<String> refused = limsCalls.submissionRefused(answer.getStatus(), answer.getContentAsByteArray());
      if (refused.isEmpty()) {
        answer.copyBodyToResponse();
        return;
      }
      answer.resetBuffer();
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refused.get());
      return;
    }
    if (passwordChecks.applies(operation.get().name())) {
      Optional<String> refusal = passwordChecks.refusal(operation.get().name(), caller.userId(), body.bytes());
      if (refusal.isPresent()) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal.get());
        return;
      }
      chain.doFilter(body, response);
      return;
    }
    if (completion) {
      complete(request, response, chain, parameters.get("id"));
      return;
    }
    if (readsTaskVariables(operation.get())) {
      answerWithSummary(forwarded, response, chain, parameters.get("id"),
          allowing.get().condition() == Condition.FORM_VIEW);
      return;
    }
    if (startForms.applies(operation.get())) {
      answerWithChoices(forwarded, response, chain, parameters);
      return;
    }
    chain.doFilter(forwarded, response);
  }

  /** {@code /engine/default/task} is {@code /task}; another engine's name matches no operation. */
  private String withoutEngineName(String apiPath) {
    String prefix = "/engine/" + engine.getName();
    if (apiPath.equals(prefix) || apiPath.startsWith(prefix + "/")) {
      return apiPath.substring(prefix.length());
    }
    return apiPath;
  }

  /** {@code /default/task} is {@code /task}; the webapps serve only the named engines. */
  private String webappEngineRemainder(String apiPath) {
    String prefix = "/" + engine.getName();
    return apiPath.startsWith(prefix + "/") ? apiPath.substring(prefix.length()) : null;
  }

  /**
   * The decoded segments of the path, or null for a path the REST resources could read in another
   * way than this guard does: empty, dot or matrix-parameter segments.
   */
  private static List<String> segments(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    List<String> segments = new ArrayList<>();
    if (path.isEmpty()) {
      return segments;
    }
    if (!path.startsWith("/")) {
      return null;
    }
    for (String raw : path.substring(1).split("/", -1)) {
      String segment;
      try {
        segment = UriUtils.decode(raw, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        return null;
      }
      if (segment.isEmpty() || ".".equals(segment) || "..".equals(segment) || raw.contains(";")
          || segment.contains("/")) {
        return null;
      }
      segments.add(segment);
    }
    return segments;
  }

  private static boolean hasMethodOverride(HttpServletRequest request) {
    return METHOD_OVERRIDES.stream().anyMatch(header -> request.getHeader(header) != null);
  }

  private static boolean holds(Condition condition, Caller caller, Map<String, String> parameters,
                               HttpServletRequest request, ReadBody body) {
    return switch (condition) {
      case CARD_FILTERS -> CardFilters.hold(request, body == null ? new byte[0] : body.bytes());
      case NONE, FORM_VIEW, LIMS -> true;
      case SELF -> caller.userId().equals(parameters.get("id"));
      case TASK_PARAM -> request.getParameter("taskId") != null && !request.getParameter("taskId").isBlank();
      case OWN_GROUPS -> caller.userId().equals(request.getParameter("member"))
          && request.getParameterValues("member").length == 1;
    };
  }

  /**
   * Finishes a task: the body is held to the task's form first (400 if it brings what the form does
   * not have), and a failure the engine reports is told apart from a race with another worker (409).
   */
  private void complete(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId)
      throws IOException, ServletException {
    ReadBody body = new ReadBody(request, ReadBody.SUBMISSION_LIMIT);
    if (!body.complete()) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "请求体过大，最多" + ReadBody.SUBMISSION_LIMIT / 1024 + " KB The request body is too large: at most "
              + ReadBody.SUBMISSION_LIMIT / 1024 + " KB");
      return;
    }
    Optional<String> refusal = formSubmissions.refusal(taskId, body.bytes());
    if (refusal.isPresent()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal.get());
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(body, answer);
    Optional<CompletionRaces.Answer> instead =
        completionRaces.instead(taskId, answer.getStatus(), answer.getContentAsByteArray());
    if (instead.isEmpty()) {
      answer.copyBodyToResponse();
      return;
    }
    answer.resetBuffer();
    refuse(response, instead.get().status().value(), "RestException", instead.get().message());
  }

  private static boolean readsTaskVariables(Operation operation) {
    return TASK_VARIABLE_READS.contains(operation.name());
  }

  /**
   * Lets the engine answer (it checks the caller may read the task), then adds what the task's form
   * shows of the case, read from our tables, in the engine's variable shape; when narrowed, keeps of
   * the engine's variables only those the task's form names.
   */
  private void answerWithSummary(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                 String taskId, boolean narrow) throws IOException, ServletException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() != HttpServletResponse.SC_OK) {
      answer.copyBodyToResponse();
      return;
    }
    JsonNode variables = JSON.readTree(answer.getContentAsByteArray());
    if (variables instanceof ObjectNode object) {
      TaskFormView.Form form = formView.of(taskId);
      if (narrow) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
          if (!form.shown().contains(names.next())) {
            names.remove();
          }
        }
      }
      Set<String> wanted = new HashSet<>(form.summarised());
      String asked = request.getParameter("variableNames");
      if (asked != null) {
        wanted.retainAll(List.of(asked.split(",")));
      }
      summary.ofTask(taskId, wanted).forEach((name, value) -> object.set(name, JSON.createObjectNode()
          .put("type", "String").put("value", value).set("valueInfo", JSON.createObjectNode())));
    }
    byte[] body = JSON.writeValueAsBytes(variables);
    answer.resetBuffer();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Lets the engine answer with the start form, then writes the form's live choices into it. */
  private void answerWithChoices(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                 Map<String, String> parameters) throws IOException, ServletException {
    Optional<StartFormChoices> choices = startForms.choicesFor(parameters);
    if (choices.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() != HttpServletResponse.SC_OK) {
      answer.copyBodyToResponse();
      return;
    }
    byte[] body = startForms.withChoices(answer.getContentAsByteArray(), choices.get());
    answer.resetBuffer();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private Caller restCaller() {
    IdentityService identity = engine.getIdentityService();
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? null
        : caller(authentication.getUserId(), authentication.getGroupIds());
  }

  private Caller sessionCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    org.camunda.bpm.webapp.impl.security.auth.Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication instanceof UserAuthentication user ? caller(user.getIdentityId(), user.getGroupIds()) : null;
  }

  private static Caller caller(String userId, Collection<String> groups) {
    return new Caller(userId, ApiRole.of(groups), groups != null && groups.contains(Roles.ADMINS));
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] body = JSON.writeValueAsBytes(Map.of("type", type, "message", message));
    // the output stream, not the writer: a completion's answer may already have been buffered through it
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
