/**
 * A CLI command: one file per command under app/cli/commands/, registered in app/cli/main.ts.
 * Commands parse their own argv with node:util parseArgs, call the service (never the engine's internals
 * directly when an operation exists for it) and return the process exit code.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on Ctrl+C. */
  signal: AbortSignal;
}

export interface CliCommand {
  name: string;
  /** One line for `statuscope --help`. */
  summary: string;
  /** Full text for `statuscope NAME --help`: usage line, every option, examples. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
