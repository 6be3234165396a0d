package org.riskmonitor.taskquery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Advances the authorization version on H2 when an authorization is written that is not a grant on
 * one task, or a group or a membership is written, as the SQL triggers of db/engine-indexes-mysql
 * (V5, V6) do on MySQL and MariaDB; H2 runs triggers written in Java only. Installed by
 * db/engine-indexes-h2 (V5, V6).
 */
public class AuthorizationVersionTrigger implements Trigger {

  /** The engine's resource types TASK and HISTORIC_TASK, whose grants name one task. */
  private static final int TASK = 7;
  private static final int HISTORIC_TASK = 19;
  private static final int GRANT = 1;

  private boolean authorizations;
  private int type;
  private int resourceType;
  private int resourceId;

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int kind)
      throws SQLException {
    authorizations = "ACT_RU_AUTHORIZATION".equalsIgnoreCase(table);
    try (PreparedStatement columns = connection.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION "
        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      columns.setString(1, schema);
      columns.setString(2, table);
      try (ResultSet rows = columns.executeQuery()) {
        while (rows.next()) {
          int index = rows.getInt(2) - 1;
          switch (rows.getString(1).toUpperCase(Locale.ROOT)) {
            case "TYPE_" -> type = index;
            case "RESOURCE_TYPE_" -> resourceType = index;
            case "RESOURCE_ID_" -> resourceId = index;
            default -> { }
          }
        }
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (authorizations && grantOnOneTask(oldRow) && grantOnOneTask(newRow)) {
      return;
    }
    try (PreparedStatement advance = connection.prepareStatement(
        "UPDATE RM_AUTHORIZATION_VERSION SET VERSION_ = VERSION_ + 1 WHERE ID_ = 1")) {
      advance.executeUpdate();
    }
  }

  /** A row that is absent (before an insert, after a delete) changes nothing on its side. */
  private boolean grantOnOneTask(Object[] row) {
    if (row == null) {
      return true;
    }
    Object id = row[resourceId];
    return ((Number) row[type]).intValue() == GRANT
        && (((Number) row[resourceType]).intValue() == TASK || ((Number) row[resourceType]).intValue() == HISTORIC_TASK)
        && id != null && !"*".equals(id);
  }
}
