/**
 * oclif's command_not_found hook for the standalone `revops` (the sf CLI has its own): with
 * commands named by words, `revops generate extra` reads as an unknown command "generate extra";
 * say which argument is not expected instead, and exit 2 like any usage error.
 */
import { Errors, type Hook } from '@oclif/core';

const notFound: Hook.CommandNotFound = async function ({ id, config }) {
  const words = id.split(':');
  const known = config.commands
    .map((c) => c.id)
    .filter((c) => id.startsWith(`${c}:`))
    .sort((a, b) => b.length - a.length)[0];
  if (known) {
    const extra = words.slice(known.split(':').length).join(' ');
    throw new Errors.CLIError(`revops ${known.replaceAll(':', ' ')} takes no argument "${extra}"`, {
      exit: 2,
      suggestions: [`revops ${known.replaceAll(':', ' ')} --help`],
    });
  }
  throw new Errors.CLIError(`"${words.join(' ')}" is not a revops command`, {
    exit: 2,
    suggestions: ['revops --help lists the commands'],
  });
};
export default notFound;
