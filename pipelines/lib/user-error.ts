/**
 * An error the user can fix (bad path, wrong format, bad option). The CLI prints its message as one
 * line and exits non-zero, without a stack trace; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}
