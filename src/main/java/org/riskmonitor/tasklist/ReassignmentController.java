package org.riskmonitor.tasklist;

import java.util.Map;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/tasks/{id}/reassignment {"assignee": "...", "reason": "..."}}, coordinators only. */
@RestController
public class ReassignmentController {

  public record Request(String assignee, String reason) {
  }

  private final Reassignment reassignment;
  private final CurrentRequestUser currentUser;

  public ReassignmentController(Reassignment reassignment, CurrentRequestUser currentUser) {
    this.reassignment = reassignment;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/tasks/{taskId}/reassignment")
  public ResponseEntity<Map<String, String>> reassign(@PathVariable String taskId, @RequestBody Request request) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "仅协调员可以改派 Only coordinators reassign"));
    }
    try {
      reassignment.reassign(taskId, request.assignee(), request.reason(), currentUser.get().getUserId());
      return ResponseEntity.ok(Map.of("message", "已改派 Reassigned"));
    } catch (FormRefusal refusal) {
      return ResponseEntity.badRequest().body(Map.of("message", refusal.getMessage()));
    }
  }
}
