import { renderForVoice } from './src/channels/voice';
import { renderForSms } from './src/channels/sms';
const inputs = {
  doc: ('## Hours\n- **Mon–Fri** 9:00–18:00, call +1 (555) 123-4567 or see https://www.example.com/x 😊\n\n').repeat(1000),
  dots: 'a.'.repeat(50000),
  digits: '1 '.repeat(50000),
  dashes: '1-'.repeat(50000),
  www: 'www.'.repeat(20000),
  at: 'a@'.repeat(50000),
  http: 'http://'.repeat(20000),
  stars: '*a'.repeat(50000),
  brackets: '['.repeat(20000) + ']('.repeat(20000),
};
for (const [name, text] of Object.entries(inputs)) {
  let t = performance.now(); renderForVoice(text); const v = performance.now() - t;
  t = performance.now(); renderForSms(text); const s = performance.now() - t;
  console.log(name, text.length, 'voice', v.toFixed(0), 'ms', 'sms', s.toFixed(0), 'ms');
}
