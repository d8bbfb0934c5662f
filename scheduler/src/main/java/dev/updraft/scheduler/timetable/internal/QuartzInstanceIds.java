package dev.updraft.scheduler.timetable.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz instance ids for the clustered job store: the host name and a random suffix. Quartz's
 * {@code SimpleInstanceIdGenerator} uses the host name and the current millisecond, which two
 * schedulers started at once in one JVM (tests, or a restart) can share. Public only because Quartz
 * instantiates it by class name.
 */
public final class QuartzInstanceIds implements InstanceIdGenerator {

  @Override
  public String generateInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
