import { issueRate } from '../bench/issue-rate.ts';
const r = [];
for (let i = 0; i < 3; i++) r.push(Math.round((await issueRate()).httpPerSec));
console.log('http tickets/s', r.join(' '));
