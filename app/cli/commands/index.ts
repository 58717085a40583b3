/** Every CLI command, in the order `statuscope --help` lists them. */
import type { CliCommand } from '../command';
import { diagnoseCommand } from './diagnose';
import { explainCommand } from './explain';
import { exportCommand } from './export';
import { importCommand } from './import';
import { labCommand } from './lab';
import { sendCommand } from './send';
import { webCommand } from './web';

export const commands: CliCommand[] = [sendCommand, diagnoseCommand, explainCommand, importCommand, exportCommand, labCommand, webCommand];
