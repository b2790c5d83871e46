import { describe, expect, it } from 'vitest';
import { megabytes, needsIosInstallSteps } from './platform';

const ua = {
	iphoneSafari:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
	iphoneChrome:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
	ipadDesktop:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
	android:
		'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
};

describe('install advice', () => {
	it('iOS Safari, not installed, gets the Share → Add to Home Screen steps', () => {
		expect(
			needsIosInstallSteps({ userAgent: ua.iphoneSafari, maxTouchPoints: 5, standalone: false })
		).toBe(true);
		// an iPad asks for the desktop site and says "Macintosh"; only touch gives it away
		expect(
			needsIosInstallSteps({ userAgent: ua.ipadDesktop, maxTouchPoints: 5, standalone: false })
		).toBe(true);
	});

	it('not when installed, on a Mac, in Chrome for iOS, or on Android', () => {
		expect(
			needsIosInstallSteps({ userAgent: ua.iphoneSafari, maxTouchPoints: 5, standalone: true })
		).toBe(false);
		expect(
			needsIosInstallSteps({ userAgent: ua.ipadDesktop, maxTouchPoints: 0, standalone: false })
		).toBe(false);
		expect(
			needsIosInstallSteps({ userAgent: ua.iphoneChrome, maxTouchPoints: 5, standalone: false })
		).toBe(false);
		expect(
			needsIosInstallSteps({ userAgent: ua.android, maxTouchPoints: 5, standalone: false })
		).toBe(false);
	});

	it("shows storage in megabytes with one decimal, in the person's language", () => {
		expect(megabytes(0)).toBe('0,0');
		expect(megabytes(5 * 1024 * 1024 + 300_000)).toBe('5,3');
		expect(megabytes(10_737_418_240, 'id')).toBe('10.240,0');
		expect(megabytes(10_737_418_240, 'en')).toBe('10,240.0');
	});
});
