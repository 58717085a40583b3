/** Every CLI command, in the order `statuscope --help` lists them. */
import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { diagnoseCommand } from './diagnose';
import { explainCommand } from './explain';
import { exportCommand } from './export';
import { importCommand } from './import';
import { labCommand } from './lab';
import { runCommand } from './run';
import { scanCommand } from './scan';
import { sendCommand } from './send';
import { webCommand } from './web';

export const commands: CliCommand[] = [
  sendCommand,
  diagnoseCommand,
  explainCommand,
  importCommand,
  exportCommand,
  runCommand,
  scanCommand,
  auditCommand,
  labCommand,
  webCommand,
];
