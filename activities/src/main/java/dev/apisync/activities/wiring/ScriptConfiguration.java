package dev.apisync.activities.wiring;

import dev.apisync.activities.script.PythonDomainExpressions;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.ScriptSource;
import dev.apisync.activities.source.DomainExpressions;
import dev.apisync.activities.source.SourceCatalog;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Python scripting for both apps: the script engine (a pool of warm GraalPy contexts on the JVM's
 * shared engine), the evaluator of Python-valued domains that {@link StorageConfiguration}'s domain
 * compiler uses, and the read-only view of the source that scripts get.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScriptProperties.class)
public class ScriptConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ScriptConfiguration.class);

  @Bean(destroyMethod = "close")
  public PythonScripts pythonScripts(ScriptProperties properties) {
    PythonScripts scripts = new PythonScripts(properties.toSettings());
    switch (properties.warmUp()) {
      case BLOCKING -> scripts.warmUp();
      case BACKGROUND -> {
        Thread warmUp =
            new Thread(
                () -> {
                  try {
                    scripts.warmUp();
                  } catch (RuntimeException e) {
                    log.warn("Warming up Python scripts failed; they warm on first use", e);
                  }
                },
                "apisync-script-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
      }
      case NONE -> {}
    }
    return scripts;
  }

  @Bean
  public DomainExpressions domainExpressions(PythonScripts scripts) {
    return new PythonDomainExpressions(scripts);
  }

  @Bean
  public ScriptSource scriptSource(
      @Qualifier(StorageConfiguration.SOURCE) DataSource source, SourceCatalog catalog) {
    return new ScriptSource(source, catalog);
  }
}
