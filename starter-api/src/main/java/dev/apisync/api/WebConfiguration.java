package dev.apisync.api;

import dev.apisync.api.access.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Request bounds and the hand operations' Content-Type rule, for every controller. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandOperations()).addPathPatterns(HandOperations.PATHS);
  }

  /** After authentication (Spring Security's filters come first), before any body is read. */
  @Bean
  public FilterRegistrationBean<RequestBounds> requestBounds(ProblemWriter problems) {
    return new FilterRegistrationBean<>(new RequestBounds(problems));
  }
}
