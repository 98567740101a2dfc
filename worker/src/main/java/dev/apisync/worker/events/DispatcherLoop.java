package dev.apisync.worker.events;

import dev.apisync.activities.events.EventOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link RecordEventDispatcher} on a thread of its own: a pass, then a wait that a NOTIFY
 * from a trigger cuts short (LISTEN on one connection of the events pool). Both waits are bounded:
 * the batching window while events are pending, else the poll interval, so a lost notification (or
 * a source that cannot LISTEN) only delays events by the poll interval.
 */
public class DispatcherLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

  private final RecordEventDispatcher dispatcher;
  private final DataSource events;
  private final Duration window;
  private final Duration pollInterval;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private Thread thread;
  private Connection listening;

  public DispatcherLoop(
      RecordEventDispatcher dispatcher, DataSource events, Duration window, Duration pollInterval) {
    this.dispatcher = dispatcher;
    this.events = events;
    this.window = window;
    this.pollInterval = pollInterval;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("apisync-record-events").daemon().start(this::loop);
  }

  @Override
  public synchronized void stop() {
    running = false;
    stopped.countDown();
    if (thread != null) {
      try {
        // A wait on notifications lasts at most the poll interval.
        thread.join(pollInterval.toMillis() * 2 + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      Duration wait = pollInterval;
      try {
        if (dispatcher.dispatchOnce()) {
          wait = window;
        }
        awaitNotification(wait);
      } catch (RuntimeException | SQLException e) {
        log.warn(
            "record-event dispatch failed; trying again in {}: {}", pollInterval, e.toString());
        closeListener();
        pause(pollInterval);
      }
    }
    closeListener();
  }

  private void awaitNotification(Duration wait) throws SQLException {
    if (listening == null) {
      listening = events.getConnection();
      try (Statement statement = listening.createStatement()) {
        statement.execute("LISTEN " + EventOutbox.CHANNEL);
      }
    }
    // Returns at the first notification, or empty when the wait is over.
    listening.unwrap(PGConnection.class).getNotifications((int) Math.max(1, wait.toMillis()));
  }

  private void closeListener() {
    if (listening != null) {
      try {
        listening.close();
      } catch (SQLException e) {
        log.debug("closing the LISTEN connection failed", e);
      }
      listening = null;
    }
  }

  /** Waits before a retry, returning at once when the loop is stopped. */
  private void pause(Duration duration) {
    try {
      stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
