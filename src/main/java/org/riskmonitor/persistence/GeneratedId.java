package org.riskmonitor.persistence;

/** Receives the key the database generated for an inserted row (MyBatis sets it). */
public final class GeneratedId {

  private Long id;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
