/** `dplab <command>`: the command-line tools for data engineers. */
import { forecastCommand, forecastUsage } from './forecast/forecast-command.ts';
import { recommendCommand, recommendUsage } from './recommend/recommend-command.ts';
import { serveCommand, serveUsage } from './serve/serve-command.ts';

const usage = `Usage: dplab <command> [options]

Commands:
  forecast   fit forecasting models to one or many series, write forecasts and a leaderboard
  recommend  fit recommenders to user–item interactions, write top-k lists and a leaderboard
  serve      an HTTP JSON service: forecasts, recommendations, health, metrics, OpenAPI

Run \`dplab <command> --help\` for a command's options.`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(usage);
    return command === undefined ? 1 : 0;
  }
  try {
    switch (command) {
      case 'forecast':
        if (rest.includes('--help') || rest.includes('-h')) {
          console.log(forecastUsage);
          return 0;
        }
        return await forecastCommand(rest);
      case 'recommend':
        if (rest.includes('--help') || rest.includes('-h')) {
          console.log(recommendUsage);
          return 0;
        }
        return await recommendCommand(rest);
      case 'serve':
        if (rest.includes('--help') || rest.includes('-h')) {
          console.log(serveUsage);
          return 0;
        }
        return await serveCommand(rest);
      default:
        console.error(`dplab: unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    console.error(`dplab ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
