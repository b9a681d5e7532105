import { reportsBench } from '../bench/reports.ts';
console.log(JSON.stringify(await reportsBench(process.argv[2] ?? ''), null, 1));
