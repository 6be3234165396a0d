package org.riskmonitor.checklist;

import org.springframework.http.HttpStatus;

/** A checklist request we do not serve: the status and the bilingual message the device shows. */
public class ChecklistRefusal extends RuntimeException {

  private final HttpStatus status;
  private final transient ItemAnswer current;

  ChecklistRefusal(HttpStatus status, String message) {
    this(status, message, null);
  }

  private ChecklistRefusal(HttpStatus status, String message, ItemAnswer current) {
    super(message);
    this.status = status;
    this.current = current;
  }

  static ChecklistRefusal badRequest(String message) {
    return new ChecklistRefusal(HttpStatus.BAD_REQUEST, message);
  }

  /** Another device changed the item since this one saw it: the device is shown what is there now. */
  static ChecklistRefusal changedElsewhere(ItemAnswer current) {
    return new ChecklistRefusal(HttpStatus.CONFLICT,
        "此项已在另一设备上修改，请确认保留哪一个答案 This item was changed on another device; choose which answer to keep",
        current);
  }

  public HttpStatus status() {
    return status;
  }

  /** The answer stored now, for a conflict; null otherwise. */
  public ItemAnswer current() {
    return current;
  }
}
