package dev.apisync.activities.wiring;

import com.zaxxer.hikari.HikariDataSource;
import dev.apisync.activities.events.EventTriggerStore;
import dev.apisync.activities.events.EventTriggers;
import dev.apisync.activities.events.OutboxQueue;
import dev.apisync.activities.source.SourceCatalog;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Record events' storage for both apps: a small pool of its own on the source database (by default
 * the source's URL and credentials, {@code apisync.events.*} to use a role that may create
 * triggers), the trigger installer, the outbox queue, and the trigger settings in apisync's
 * database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

  /** Qualifies the source database's {@link DataSource} for event objects. */
  public static final String EVENTS = "events";

  @Bean(defaultCandidate = false)
  @Qualifier(EVENTS)
  public HikariDataSource eventsDataSource(
      EventsProperties events, SourceDatabaseProperties source) {
    boolean ownRole = !events.username().isEmpty();
    HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .url(events.url().isEmpty() ? source.url() : events.url())
            .username(ownRole ? events.username() : source.username())
            .password(ownRole ? events.password() : source.password())
            .build();
    dataSource.setPoolName("apisync-events");
    // The dispatcher's LISTEN connection, one claim at a time, and the API's trigger changes.
    dataSource.setMaximumPoolSize(3);
    return dataSource;
  }

  @Bean
  public EventTriggers eventTriggers(@Qualifier(EVENTS) DataSource events, SourceCatalog catalog) {
    return new EventTriggers(events, catalog);
  }

  @Bean
  public OutboxQueue outboxQueue(@Qualifier(EVENTS) DataSource events) {
    return new OutboxQueue(events);
  }

  @Bean
  public EventTriggerStore eventTriggerStore(DataSource dataSource) {
    return new EventTriggerStore(dataSource);
  }
}
