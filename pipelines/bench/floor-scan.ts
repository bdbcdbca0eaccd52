/**
 * The floor of a benchmark size: DuckDB's count(*) over read_csv of the file, three times, in a process of its own
 * started without the run's huge-page preload (bin/huge-pages.js), so the floor is DuckDB as anyone runs it.
 * Prints the three reads, fastest first, as one JSON line.
 *
 * usage: floor-scan.ts FILE THREADS [READER_OPTIONS]   (options are added to DuckDB's own, e.g. ", buffer_size=…";
 *        `plain` for read_csv of the file alone, floor-reads.ts PLAIN_FLOOR)
 */
import { threeFloors } from './floor-reads.ts'

const [file, threads, options = ''] = process.argv.slice(2) as [string, string, string?]
process.stdout.write(JSON.stringify(await threeFloors(file, Number(threads), options)) + '\n')
