package dev.apisync.activities.delivery;

/**
 * The records of a request cannot be sent as the config describes, for example because a URL
 * placeholder has no value in the mapped record. Those records fail; the run goes on.
 */
class UnsendableRequestException extends Exception {

  UnsendableRequestException(String reason) {
    super(reason);
  }
}
