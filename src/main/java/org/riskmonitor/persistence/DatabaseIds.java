package org.riskmonitor.persistence;

import java.util.Properties;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the database for our mappers ({@code _databaseId}: h2 or mysql) where its SQL dialects
 * differ, e.g. a bitwise AND is BITAND() on H2 and {@code &} on MySQL and MariaDB.
 */
@Configuration
public class DatabaseIds {

  @Bean
  DatabaseIdProvider databaseIdProvider() {
    Properties vendors = new Properties();
    vendors.setProperty("H2", "h2");
    vendors.setProperty("MySQL", "mysql");
    vendors.setProperty("MariaDB", "mysql");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(vendors);
    return provider;
  }
}
