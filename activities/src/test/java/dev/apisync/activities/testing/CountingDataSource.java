package dev.apisync.activities.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A data source that remembers the SQL of every statement prepared through it, in order. */
public final class CountingDataSource {

  private final DataSource dataSource;
  private final List<String> statements = new ArrayList<>();

  public CountingDataSource(DataSource target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (method.getName().equals("getConnection")) {
            Connection connection = (Connection) result;
            return Proxy.newProxyInstance(
                CountingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("prepareStatement")) {
                    record((String) a[0]);
                  }
                  return invoke(connection, m, a);
                });
          }
          return result;
        };
    this.dataSource =
        (DataSource)
            Proxy.newProxyInstance(
                CountingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                handler);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The statements prepared since the last {@link #clear}, in order. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  public synchronized void clear() {
    statements.clear();
  }

  private synchronized void record(String sql) {
    statements.add(sql);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
