package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Holds repeated {@link WithWorker} annotations; write {@code @WithWorker} twice instead. */
@API(status = EXPERIMENTAL, since = "0.1.0")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithWorkers {

  /** The workers. */
  WithWorker[] value();
}
