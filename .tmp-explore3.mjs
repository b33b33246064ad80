import { wordlist as zh } from '@scure/bip39/wordlists/simplified-chinese.js';
import fs from 'node:fs';
const rank = new Map(zh.map((c,i)=>[c,i]));
let text = '';
for (const f of fs.readdirSync('flows')) text += fs.readFileSync('flows/'+f,'utf8');
text += fs.readFileSync('src/i18n/messages.ts','utf8');
const seg = new Intl.Segmenter('zh', {granularity:'word'});
const multi = s => { let n=0; for (const x of seg.segment(s)) if (x.segment.length>=2) n+=x.segment.length; return n; };
const segs = text.replace(/./gu, c=>rank.has(c)?c:'|').split('|').filter(s=>s.length>=12);
for (const n of [12,15,18,24]) {
  const nat=[]; for (const s of segs) for (let i=0;i+n<=s.length;i++) nat.push(multi(s.slice(i,i+n)));
  const rnd=[]; const t0=Date.now(); for (let k=0;k<100000;k++){ let w=''; for(let j=0;j<n;j++) w+=zh[Math.floor(Math.random()*2048)]; rnd.push(multi(w)); }
  const dt=Date.now()-t0;
  const hist = a => { const h={}; for (const x of a) h[x]=(h[x]||0)+1; return h; };
  console.log(n,'rand',JSON.stringify(hist(rnd)),'ms/100k',dt);
  console.log(n,'nat ',JSON.stringify(hist(nat)), nat.length);
}
