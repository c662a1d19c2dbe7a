package dev.supervisedtemporal.scenarios;

/** Says "hello NAME": the {@link Greeter} a declared worker creates through its constructor. */
public class HelloGreeter implements Greeter {

  @Override
  public String hello(String name) {
    return "hello " + name;
  }
}
