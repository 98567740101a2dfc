package dev.apisync.workflows;

/** Task queue names shared by the worker and the starters. */
public final class TaskQueues {

  public static final String SYNC = "apisync-sync";

  private TaskQueues() {}
}
