package dev.updraft.metadata;

/** The metadata database cannot be used: unreachable, or its schema does not match the code. */
public class MetadataUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MetadataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public MetadataUnavailableException(String message) {
    super(message);
  }
}
