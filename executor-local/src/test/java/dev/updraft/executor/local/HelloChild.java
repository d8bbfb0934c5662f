package dev.updraft.executor.local;

/** A tiny child JVM for {@link ProcessSupervisorTest}: prints a line and exits with args[0]. */
public final class HelloChild {

  private HelloChild() {}

  public static void main(String[] args) {
    System.out.println("hello from child jvm");
    System.err.println("child stderr line");
    System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
  }
}
