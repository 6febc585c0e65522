/** Input the caller can fix (unknown class, a rename onto an existing class...): HTTP 400. */
export class CurationInputError extends Error {
  constructor(
    message: string,
    /** The request field the message is about, when there is one. */
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = "CurationInputError";
  }
}

/** A sample, class, class set or change group that does not exist: HTTP 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}
